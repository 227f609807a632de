package org.claimledger.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 problems. Nothing else writes an error body, and
 * no stack trace ever reaches a client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** The problem body of a domain exception, for answers that carry several problems (batches). */
    public static Problem toProblem(ProblemException e, String instance) {
        return new Problem(e.type(), e.getMessage(), instance, e.errors(), e.extensions());
    }

    /**
     * The problem of a request refused by the HTTP server before any resource runs (a request line or
     * headers too long or unreadable, a malformed chunked body): there is no path to name as instance.
     */
    public static Problem edgeProblem(ProblemType type, String detail) {
        return new Problem(type, detail, null, null, null);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        var builder = response(toProblem(e, path(uri)));
        e.headers().forEach((name, value) -> builder.header(name, name.equalsIgnoreCase("Location") ? absolute(uri, value) : value));
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        String detail = e instanceof AuthenticationFailedException
                ? "the credentials are not valid (unknown, revoked or malformed); send Authorization: Bearer <API key>"
                : "send Authorization: Bearer <API key>";
        return response(new Problem(ProblemType.UNAUTHORIZED, detail, path(uri), null, null))
                .header("WWW-Authenticate", "Bearer realm=\"claim-ledger\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return response(new Problem(ProblemType.FORBIDDEN, "your role does not allow this operation", path(uri), null,
                null)).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return validation(e.getConstraintViolations(), uri);
    }

    /** Turns bean-validation violations into a 422 whose errors name each field by its JSON path. */
    public static Response validation(java.util.Set<? extends ConstraintViolation<?>> violations, UriInfo uri) {
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldPath(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields break the rules";
        return response(new Problem(ProblemType.VALIDATION_FAILED, detail, path(uri), errors, null)).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException p) {
                return problem(p, uri); // a body reader gave up because of our own refusal (413 while reading)
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
        }
        if (status == 415 && request != null && uri != null) {
            var accepted = ConsumedMediaTypes.of(request.getMethod(), uri.getPath());
            if (!accepted.isEmpty()) {
                String sent = headers == null ? null : headers.getHeaderString("Content-Type");
                String detail = (sent == null || sent.isBlank() ? "the request has no Content-Type" : "Content-Type '"
                        + truncate(sent) + "' is not accepted here") + "; send the body as "
                        + String.join(" or ", accepted);
                return response(new Problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, path(uri), null,
                        Map.of("acceptedMediaTypes", List.copyOf(accepted)))).build();
            }
        }
        ProblemType type = switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 400 -> ProblemType.MALFORMED_REQUEST;
            default -> new ProblemType(ProblemType.HTTP.uri(), Response.Status.fromStatusCode(status) == null
                    ? "HTTP error" : Response.Status.fromStatusCode(status).getReasonPhrase(), status);
        };
        var builder = response(new Problem(type, detailOf(e, type), path(uri), null, null));
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentWrite(RuntimeException e, UriInfo uri) {
        return response(new Problem(ProblemType.PRECONDITION_FAILED,
                "another request changed the resource at the same moment; read it again and retry",
                path(uri), null, null)).build();
    }

    /** A unique or foreign-key rule of the schema, broken by a concurrent request: retrying reads the new state. */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return response(new Problem(ProblemType.CONFLICT, "the change conflicts with another one made at the same "
                + "moment; read the resource again and retry", path(uri), null, null)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause : chain(e)) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return constraint(violation, uri);
            }
            if (cause instanceof ProblemException p) {
                return problem(p, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentWrite((RuntimeException) cause, uri);
            }
        }
        if (chain(e).stream().anyMatch(ProblemMapper::databaseUnreachable)) {
            String detail = chain(e).stream().anyMatch(ProblemMapper::commitFailure)
                    ? "the connection to the database failed while the change was being committed, so its outcome is "
                            + "unknown; read the resource to see whether it was written, or retry with the same "
                            + "Idempotency-Key, which is safe: the change is made at most once"
                    : "the database cannot be reached; nothing was written, retry shortly (with the same "
                            + "Idempotency-Key, if any)";
            return response(new Problem(ProblemType.SERVICE_UNAVAILABLE, detail, path(uri), null, null))
                    .header("Retry-After", "2").build();
        }
        if (chain(e).stream().anyMatch(ProblemMapper::clientGone) || connectionClosed()) {
            LOG.debugf("The client closed the connection before the answer: %s", e);
            return response(new Problem(ProblemType.CLIENT_CLOSED, "the client closed the connection", path(uri),
                    null, null)).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return response(new Problem(ProblemType.INTERNAL,
                "an unexpected error occurred; quote incident " + incident + " when reporting it",
                path(uri), null, Map.of("incident", incident))).build();
    }

    /** The exception, its causes and what was suppressed along the way (a failed commit keeps the SQL error there). */
    static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty() && out.size() < 50) {
            Throwable t = todo.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.addLast(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                todo.addLast(sql.getNextException());
            }
        }
        return out;
    }

    /** The transaction manager failed to commit: the database may or may not have committed. */
    static boolean commitFailure(Throwable t) {
        return t instanceof jakarta.transaction.RollbackException || t instanceof jakarta.transaction.HeuristicMixedException
                || t instanceof jakarta.transaction.HeuristicRollbackException
                || t instanceof jakarta.transaction.SystemException || t instanceof javax.transaction.xa.XAException;
    }

    /** Whether the connection of the request being answered is already closed: the client left. */
    private static boolean connectionClosed() {
        try {
            var current = io.quarkus.arc.Arc.container().instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class);
            var context = current.isAvailable() ? current.get().getCurrent() : null;
            return context != null && context.response().closed();
        } catch (RuntimeException notInARequest) {
            return false;
        }
    }

    /** The client went away while its request was read or answered: not an error of the service. */
    static boolean clientGone(Throwable t) {
        if (t instanceof io.vertx.core.http.HttpClosedException
                || t instanceof java.nio.channels.ClosedChannelException) {
            return true;
        }
        String message = String.valueOf(t.getMessage());
        return (t instanceof java.io.IOException || t instanceof io.vertx.core.VertxException)
                && (message.contains("Connection was closed") || message.contains("Connection reset by peer")
                        || message.contains("Broken pipe") || message.contains("Stream is closed"));
    }

    /** No connection could be had, or the server went away: a retry may succeed, so 503, not 500. */
    static boolean databaseUnreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            return state != null ? state.startsWith("08") || state.startsWith("57P") : fromPool(sql);
        }
        return false;
    }

    /**
     * Raised by the connection pool, not by PostgreSQL (whose errors always carry a SQLState): Agroal
     * gave no connection within its acquisition timeout. Agroal throws a plain SQLException then, so
     * where it was raised is what tells it apart, not the wording of its message.
     */
    private static boolean fromPool(java.sql.SQLException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("io.agroal.");
    }

    private static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String detailOf(WebApplicationException e, ProblemType type) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP ")) {
            return type.title();
        }
        return truncate(message);
    }

    /** A Location is absolute, in a problem as in a create: {@code /api/v1/articles/x} becomes {@code http://host/api/v1/articles/x}. */
    private static String absolute(UriInfo uri, String location) {
        try {
            return uri == null || !location.startsWith("/") ? location : uri.getBaseUri().resolve(location).toString();
        } catch (RuntimeException e) {
            return location;
        }
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String fieldPath(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.BEAN) {
                out.setLength(0);
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(node.getName());
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
        }
        // an element of a list is reported on its container: tags[2]
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
