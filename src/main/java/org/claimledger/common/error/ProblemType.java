package org.claimledger.common.error;

/**
 * A kind of problem (RFC 9457): a stable {@code type} URI, a title that never varies per request,
 * and the HTTP status it is answered with. Features declare their own next to their exceptions;
 * the ones every feature shares live here.
 */
public record ProblemType(String uri, String title, int status) {

    public static final String BASE = "https://claimledger.org/problems/";

    public static ProblemType of(String slug, String title, int status) {
        return new ProblemType(BASE + slug, title, status);
    }

    public static final ProblemType MALFORMED_REQUEST =
            of("malformed-request", "The request could not be read", 400);
    public static final ProblemType INVALID_PARAMETER =
            of("invalid-parameter", "A parameter is not valid", 400);
    public static final ProblemType UNKNOWN_PROPERTY =
            of("unknown-property", "The body names a property that cannot be written", 400);
    public static final ProblemType VALIDATION_FAILED =
            of("validation-failed", "The request breaks one or more rules", 422);
    public static final ProblemType UNAUTHORIZED =
            of("unauthorized", "Authentication required", 401);
    public static final ProblemType FORBIDDEN = of("forbidden", "Your role does not allow this", 403);
    public static final ProblemType NOT_FOUND = of("not-found", "Resource not found", 404);
    public static final ProblemType GONE = of("gone", "Resource was deleted", 410);
    public static final ProblemType METHOD_NOT_ALLOWED =
            of("method-not-allowed", "Method not allowed on this resource", 405);
    public static final ProblemType NOT_ACCEPTABLE =
            of("not-acceptable", "No acceptable representation", 406);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            of("unsupported-media-type", "Unsupported content type", 415);
    public static final ProblemType PRECONDITION_REQUIRED =
            of("precondition-required", "If-Match is required", 428);
    public static final ProblemType PRECONDITION_FAILED =
            of("precondition-failed", "The resource changed since you read it", 412);
    public static final ProblemType CONFLICT = of("conflict", "The request conflicts with the current state", 409);
    public static final ProblemType PAYLOAD_TOO_LARGE = of("payload-too-large", "Request body too large", 413);
    public static final ProblemType URI_TOO_LONG = of("uri-too-long", "The URL is too long", 414);
    public static final ProblemType HEADERS_TOO_LARGE =
            of("headers-too-large", "The request headers are too large", 431);
    public static final ProblemType SERVICE_UNAVAILABLE =
            of("service-unavailable", "The service is temporarily unavailable", 503);
    /** Answered to nobody: the client closed the connection (nginx's 499), so that the access log still shows it. */
    public static final ProblemType CLIENT_CLOSED = of("client-closed-request", "The client closed the connection", 499);
    public static final ProblemType INTERNAL = of("internal-error", "Internal server error", 500);
    public static final ProblemType HTTP = of("http-error", "HTTP error", 400);
}
