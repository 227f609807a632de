package org.claimledger.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A per-caller limit of requests a minute (claims.rate-limit.per-minute, default 6,000; 0 turns
 * it off), shared by every instance through PostgreSQL. Each instance counts its own requests in
 * memory and adds them to the caller's row of the minute once a second (claims.rate-limit.sync),
 * reading back the total of all instances: a request costs no database round trip, and the budget
 * is shared with at most a second's delay. Over the limit: 429 with Retry-After. Every counted
 * answer says where the caller stands (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset).
 * When the counter cannot be reached the instance goes on counting alone: the database being down
 * is answered elsewhere, not by refusing everyone here.
 */
@ApplicationScoped
public class RateLimiter {

    static final ProblemType TOO_MANY = ProblemType.of("rate-limited", "Too many requests", 429);
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String STATE = RateLimiter.class.getName();

    private final AgroalDataSource dataSource;
    private final SecurityIdentity identity;
    private final int perMinute;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    RateLimiter(AgroalDataSource dataSource, SecurityIdentity identity,
            RateLimitConfig config) {
        this.dataSource = dataSource;
        this.identity = identity;
        this.perMinute = config.perMinute();
    }

    record Window(int used, long resetSeconds) {
    }

    /** One caller's minute on this instance: what the others had counted at the last sync, plus ours since. */
    static final class Counter {
        final long minute;
        final AtomicInteger unsynced = new AtomicInteger();
        volatile int synced;

        Counter(long minute) {
            this.minute = minute;
        }
    }

    @ServerRequestFilter
    public void count(ContainerRequestContext request) {
        if (perMinute <= 0 || !request.getUriInfo().getPath().startsWith("/api/") || identity.isAnonymous()) {
            return;
        }
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        Counter counter = counters.compute(identity.getPrincipal().getName(),
                (caller, c) -> c == null || c.minute != minute ? new Counter(minute) : c);
        int used = counter.synced + counter.unsynced.incrementAndGet();
        Window window = new Window(used, Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000));
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

    /** Adds this instance's requests to the shared counts and learns the totals of all instances. */
    @Scheduled(every = "{claims.rate-limit.sync:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        long minute = System.currentTimeMillis() / 60_000;
        counters.entrySet().removeIf(e -> e.getValue().minute < minute && e.getValue().unsynced.get() == 0);
        if (counters.isEmpty()) {
            return;
        }
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("insert into rate_limit_window (caller, window_start, requests)"
                        + " values (?, to_timestamp(? * 60), ?) on conflict (caller, window_start)"
                        + " do update set requests = rate_limit_window.requests + excluded.requests returning requests")) {
            for (var entry : counters.entrySet()) {
                Counter counter = entry.getValue();
                int added = counter.unsynced.get();
                statement.setString(1, entry.getKey());
                statement.setLong(2, counter.minute);
                statement.setInt(3, added);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    counter.synced = rs.getInt(1);
                    counter.unsynced.addAndGet(-added);
                }
                if (counter.minute < minute) {
                    counters.remove(entry.getKey(), counter);
                }
            }
        } catch (SQLException e) {
            LOG.debugf("rate limits not synced: %s", e.getMessage());
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
