package org.claimledger.common.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of every exception that the API answers with a problem. Domain exceptions extend it with a
 * fixed {@link ProblemType}; {@link ProblemMapper} turns them into responses in one place.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Adds an extension member to the problem body. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** Adds a response header, such as {@code Location} or {@code ETag}. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ProblemException invalidParameter(String name, String detail) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, detail).with("parameter", name);
    }
}
