package org.claimledger.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Explains why a JSON body could not be read: which field, what was expected, which values are allowed. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemException of(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof UnrecognizedPropertyException) {
            return new ProblemException(ProblemType.UNKNOWN_PROPERTY,
                    "'" + field + "' is not a property that can be written here",
                    List.of(new FieldError(field, "unknown or read-only property")));
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field '")) {
            String key = original.substring("Duplicate field '".length(), Math.max(original.lastIndexOf('\''),
                    "Duplicate field '".length()));
            return new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "the key '" + truncate(key) + "' appears more than once in one object",
                    List.of(new FieldError(key, "duplicate key")));
        }
        String detail;
        List<String> allowed = null;
        if (e instanceof InvalidFormatException f && f.getTargetType() == String.class && !field.isEmpty()) {
            // a string the strict reader refused: the reason is the end of the message
            detail = original.substring(original.lastIndexOf(": ") + 2);
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString).toList();
            detail = "'" + truncate(String.valueOf(f.getValue())) + "' is not one of " + allowed;
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null && !field.isEmpty()) {
            if (m.getTargetType().isEnum()) {
                allowed = Arrays.stream(m.getTargetType().getEnumConstants()).map(Object::toString).toList();
                detail = "expected one of " + allowed;
            } else if (m instanceof InvalidFormatException f && f.getTargetType() == org.claimledger.common.time.FuzzyDate.class) {
                String why = f.getOriginalMessage();
                String reason = why.substring(why.lastIndexOf("\": ") + 3);
                detail = reason.contains(describe(f.getTargetType())) ? reason
                        : reason + "; expected " + describe(f.getTargetType());
            } else {
                detail = "expected " + describe(m.getTargetType());
            }
        } else if (e instanceof JsonMappingException && !field.isEmpty()) {
            detail = "value cannot be read";
        } else if (e instanceof MismatchedInputException) {
            detail = "body must be a JSON object";
        } else {
            detail = "body is not valid JSON: " + truncate(firstLine(e.getOriginalMessage())) + where(e);
        }
        ProblemException problem = new ProblemException(ProblemType.MALFORMED_REQUEST,
                field.isEmpty() ? detail : field + ": " + detail,
                field.isEmpty() ? List.of() : List.of(new FieldError(field, detail)));
        if (allowed != null) {
            problem.with("allowedValues", allowed);
        }
        return problem;
    }

    /** Where the parser stopped, as a person counts: " at line 3, column 18". */
    static String where(JsonProcessingException e) {
        var location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // "(start marker at [Source: REDACTED (...); line: 1, column: 1])" names no source a client knows
        return line.replaceAll("\\[Source: [^;]*; ", "[");
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == org.claimledger.common.time.FuzzyDate.class) {
            return org.claimledger.common.time.FuzzyDate.FORMS;
        }
        if (type == LocalDate.class) {
            return "an ISO 8601 date such as 2021-08-26";
        }
        if (type == Instant.class) {
            return "an RFC 3339 timestamp such as 2021-08-26T14:00:00Z";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        return "an object";
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
