package org.claimledger.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.http.Caller;
import org.claimledger.common.time.Ids;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Makes POSTs safe to retry (the {@code Idempotency-Key} header). The key is claimed with an
 * INSERT in the same PostgreSQL transaction as the create, so every instance of the service sees
 * it: a retry after the create committed replays the stored response; a concurrent duplicate waits
 * for the first to finish and then replays it (or gets 409 if it is still running after the wait);
 * the same key with another body gets 422. A create that fails leaves no key, so it can be retried.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    static final ProblemType KEY_REUSED = ProblemType.of("idempotency-key-reused",
            "The Idempotency-Key was already used for another request", 422);
    static final ProblemType IN_FLIGHT = ProblemType.of("idempotency-key-in-flight",
            "A request with this Idempotency-Key is still being processed", 409);

    private static final Logger LOG = Logger.getLogger(IdempotentCreates.class);

    /**
     * Claims a key in one statement (it was two): the CTE sets the transaction's lock_timeout (the
     * in-flight wait, for the rest of the transaction as before) before the insert reads its row, so
     * the insert's wait for a concurrent holder of the key is bounded (IdempotencyTest).
     */
    private static final String CLAIM = "with timeout as (select set_config('lock_timeout', ?, true))"
            + " insert into idempotency_key (caller, key, request_hash, status, body, created_at)"
            + " select ?, ?, ?, 0, '', ? from timeout on conflict do nothing";
    private static final String STORE = "update idempotency_key set status = ?, body = ?, location = ?, etag = ?"
            + " where caller = ? and key = ?";

    private final EntityManager em;
    private final Caller caller;
    private final HttpServerRequest http;
    private final ObjectMapper mapper;
    private final Duration wait;
    private final Duration retention;

    IdempotentCreates(EntityManager em, Caller caller, HttpServerRequest http, ObjectMapper mapper,
            IdempotencyConfig config) {
        this.em = em;
        this.caller = caller;
        this.http = http;
        this.mapper = mapper;
        this.wait = config.inFlightWait();
        this.retention = config.retention();
    }

    /**
     * Runs a create once per key.
     *
     * @param key the Idempotency-Key header, or null for a plain create
     * @param operation method and path template, so one key cannot replay another endpoint's response
     * @param request the parsed request body, compared by its canonical JSON
     */
    @Transactional
    public Response create(String key, String operation, Object request, Supplier<Created> action) {
        return once(key, operation, request, 201, action);
    }

    /**
     * Runs any POST once per key, answering {@code status} with what it produced (a status change
     * answers 200 with the claim). The action joins this transaction, so the key and the change
     * commit together or not at all.
     */
    @Transactional
    public Response once(String key, String operation, Object request, int status, Supplier<Created> action) {
        String caller = this.caller.name();
        if (key == null && http.headers().contains(HEADER)) {
            key = "";
        }
        if (key == null) {
            return respond(store(status, action.get()), false);
        }
        validate(key);
        String hash = hash(operation, request);
        int claimed;
        try {
            claimed = execute(CLAIM, wait.toMillis() + "ms", caller, key, hash,
                    OffsetDateTime.ofInstant(Ids.now(), ZoneOffset.UTC));
        } catch (PersistenceException e) {
            if (isLockTimeout(e)) {
                throw new ProblemException(IN_FLIGHT, "a request with Idempotency-Key '" + key
                        + "' is still being processed; retry after it finishes").header("Retry-After", "1");
            }
            throw e;
        }
        if (claimed == 1) {
            Stored stored = store(status, action.get());
            execute(STORE, stored.status(), stored.body(), stored.location(), stored.etag(), caller, key);
            return respond(stored, false);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, body, location, etag from idempotency_key"
                        + " where caller = :caller and key = :key")
                .setParameter("caller", caller).setParameter("key", key).getResultList();
        if (rows.isEmpty()) {
            // purged between the insert and the read: a key older than the retention is a new key
            throw new ProblemException(IN_FLIGHT, "the Idempotency-Key expired just now; retry");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ProblemException(KEY_REUSED, "Idempotency-Key '" + key
                    + "' was used for a different request; use a new key for a new request");
        }
        return respond(new Stored(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]), true);
    }

    @Scheduled(every = "{claims.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        purge();
    }

    /** Forgets keys older than the retention (default 24 hours); returns how many. */
    @Transactional
    public int purge() {
        int purged = em.createNativeQuery("delete from idempotency_key where created_at < :before")
                .setParameter("before", Instant.now().minus(retention)).executeUpdate();
        if (purged > 0) {
            LOG.infof("Purged %d idempotency keys older than %s", purged, retention);
        }
        return purged;
    }

    private Stored store(int status, Created created) {
        try {
            return new Stored(status, mapper.writeValueAsString(created.body()),
                    created.location() == null ? null : created.location().toString(), created.etag());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response", e);
        }
    }

    /**
     * One statement with plain JDBC on the transaction's connection (Hibernate's native queries
     * parse, flush and wrap each time); a failure surfaces as Hibernate's exception, the SQLException its cause.
     */
    private int execute(String sql, Object... params) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    if (params[i] == null) {
                        statement.setNull(i + 1, Types.VARCHAR);
                    } else {
                        statement.setObject(i + 1, params[i]);
                    }
                }
                return statement.executeUpdate();
            }
        });
    }

    private static Response respond(Stored stored, boolean replayed) {
        var builder = Response.status(stored.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(stored.body());
        if (stored.location() != null) {
            builder.location(URI.create(stored.location()));
        }
        if (stored.etag() != null) {
            builder.header("ETag", stored.etag());
        }
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }

    private static void validate(String key) {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalidParameter(HEADER,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID");
        }
    }

    private String hash(String operation, Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (operation + "\n" + mapper.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private record Stored(int status, String body, String location, String etag) {
    }
}
