package org.claimledger.history;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.claimledger.common.error.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Reads what a request says about its change: {@code X-Change-Reason} (at most 500 characters),
 * recorded in the revision, and {@code X-Request-Id}, which is generated when absent, recorded in
 * the revision and returned on the response.
 */
public class ChangeHeaders {

    public static final String REASON = "X-Change-Reason";
    public static final String REQUEST_ID = "X-Request-Id";
    static final int MAX_REASON = 500;
    private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    private final CurrentChange change;

    ChangeHeaders(CurrentChange change) {
        this.change = change;
    }

    @ServerRequestFilter(preMatching = true)
    public void read(ContainerRequestContext request) {
        String requestId = request.getHeaderString(REQUEST_ID);
        if (requestId == null || !REQUEST_ID_FORMAT.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        request.setProperty(REQUEST_ID, requestId);
        org.jboss.logging.MDC.put("requestId", requestId);
        String reason = request.getHeaderString(REASON);
        change.set(null, requestId);
        if (reason != null) {
            reason = reason.strip();
            if (reason.length() > MAX_REASON) {
                throw ProblemException.invalidParameter(REASON, REASON + " may be at most " + MAX_REASON + " characters");
            }
            if (reason.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw ProblemException.invalidParameter(REASON, REASON + " may not contain control characters");
            }
            change.set(reason.isEmpty() ? null : reason, requestId);
        }
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().putSingle(REQUEST_ID, requestId.toString());
        }
    }
}
