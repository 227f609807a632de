package org.claimledger.common.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import org.claimledger.common.error.ProblemException;

/** Parses query parameters given as text, answering 400 problems that say what was expected. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            var allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw ProblemException.invalidParameter(name, name + " must be one of " + allowed)
                    .with("allowedValues", allowed);
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.trim().length() == 36) {
                return UUID.fromString(value.trim());
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.invalidParameter(name, name + " must be a UUID");
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = java.time.OffsetDateTime.parse(value.trim()).toInstant();
            if (org.claimledger.common.validation.StorableTime.Validator.inRange(instant)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // fall through
        }
        throw ProblemException.invalidParameter(name,
                name + " must be an RFC 3339 timestamp between the years 0001 and 9999, such as 2021-08-26T00:00:00Z");
    }

    /** A date with the precision of its source (2021-08-26, 2021-08, 2021, 2019/2020), or a 400 saying which forms are. */
    public static org.claimledger.common.time.FuzzyDate fuzzyDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return org.claimledger.common.time.FuzzyDate.parse(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter(name, name + ": " + e.getMessage());
        }
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalidParameter(name, name + " must be at most " + maxLength + " characters");
        }
        return value.trim();
    }

    /** The value of a parameter the request must give, or a 400 that says so. */
    public static <T> T required(String name, T value) {
        if (value == null) {
            throw ProblemException.invalidParameter(name, name + " is required");
        }
        return value;
    }

    /** true or false; anything else is a 400. */
    public static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidParameter(name, name + " must be true or false");
        };
    }

    /** A whole number within [min, max], or a 400 that says the bounds. */
    public static Long wholeNumber(String name, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        boolean noMin = min == Long.MIN_VALUE || min == Integer.MIN_VALUE;
        boolean noMax = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
        String bounds = noMax ? noMin ? "" : " of at least " + min : noMin ? " of at most " + max : " from " + min + " to " + max;
        throw ProblemException.invalidParameter(name, name + " must be a whole number" + bounds);
    }
}
