package org.claimledger.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.sql.SQLException;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A per-caller limit of requests a minute (claims.rate-limit.per-minute, default 6,000; 0 turns
 * it off), counted in PostgreSQL so that every instance shares it. Over the limit: 429 with
 * Retry-After. Every counted answer says where the caller stands (RateLimit-Limit,
 * RateLimit-Remaining, RateLimit-Reset). When the counter cannot be reached the request goes on:
 * the database being down is answered elsewhere, not by refusing everyone here.
 */
@ApplicationScoped
public class RateLimiter {

    static final ProblemType TOO_MANY = ProblemType.of("rate-limited", "Too many requests", 429);
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String STATE = RateLimiter.class.getName();

    private final AgroalDataSource dataSource;
    private final SecurityIdentity identity;
    private final int perMinute;

    RateLimiter(AgroalDataSource dataSource, SecurityIdentity identity,
            @ConfigProperty(name = "claims.rate-limit.per-minute", defaultValue = "6000") int perMinute) {
        this.dataSource = dataSource;
        this.identity = identity;
        this.perMinute = perMinute;
    }

    record Window(int used, long resetSeconds) {
    }

    @ServerRequestFilter
    public void count(ContainerRequestContext request) {
        if (perMinute <= 0 || !request.getUriInfo().getPath().startsWith("/api/") || identity.isAnonymous()) {
            return;
        }
        Window window = increment(identity.getPrincipal().getName());
        if (window == null) {
            return;
        }
        request.setProperty(STATE, window);
        if (window.used() > perMinute) {
            throw new ProblemException(TOO_MANY, "at most " + perMinute + " requests a minute per caller; retry in "
                    + window.resetSeconds() + " s")
                    .header("Retry-After", Long.toString(window.resetSeconds()))
                    .header("RateLimit-Limit", Integer.toString(perMinute))
                    .header("RateLimit-Remaining", "0")
                    .header("RateLimit-Reset", Long.toString(window.resetSeconds()));
        }
    }

    @ServerResponseFilter
    public void report(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STATE) instanceof Window window && response.getStatus() != 429) {
            response.getHeaders().putSingle("RateLimit-Limit", Integer.toString(perMinute));
            response.getHeaders().putSingle("RateLimit-Remaining", Integer.toString(Math.max(0, perMinute - window.used())));
            response.getHeaders().putSingle("RateLimit-Reset", Long.toString(window.resetSeconds()));
        }
    }

    private Window increment(String caller) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("insert into rate_limit_window (caller, window_start, requests)"
                        + " values (?, date_trunc('minute', now()), 1) on conflict (caller, window_start)"
                        + " do update set requests = rate_limit_window.requests + 1"
                        + " returning requests, ceil(extract(epoch from window_start + interval '1 minute' - now()))")) {
            statement.setString(1, caller);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return new Window(rs.getInt(1), Math.max(1, rs.getLong(2)));
            }
        } catch (SQLException e) {
            LOG.debugf("rate limit not counted: %s", e.getMessage());
            return null;
        }
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWindows() {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("delete from rate_limit_window where window_start < now() - interval '5 minutes'");
        } catch (SQLException e) {
            LOG.debugf("old rate-limit windows not purged: %s", e.getMessage());
        }
    }
}
