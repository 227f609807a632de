package org.claimledger.security;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.claimledger.common.db.PgListener;
import org.eclipse.microprofile.config.Config;

/**
 * The API keys this instance verified, by the SHA-256 of their secret (never the secret): a request
 * with a known key needs no database read. A key is forgotten when PostgreSQL says it changed
 * ({@code claims_api_keys}, notified by a trigger on api_key when a key is revoked, changes role or
 * name, or is deleted; delivered to every instance at commit), and at once on this instance after a
 * revocation here commits. The cache is used only while the LISTEN is in effect: when its connection
 * fails, every key is forgotten and each request reads its key again until it listens again, so a
 * revocation takes effect within about a second on every instance, whatever happens to the connection.
 */
@ApplicationScoped
class ApiKeyCache {

    static final String CHANNEL = "claims_api_keys";
    /** More live keys than this is no newsroom; beyond it a key is read on each request, as without a cache. */
    static final int MAX_KEYS = 10_000;

    /** A verified key and the identity its requests carry; {@code touched} is when its use was last recorded. */
    record Entry(UUID id, SecurityIdentity identity, long touchedAtNanos) {
    }

    private final Config config;
    private final ConcurrentHashMap<String, Entry> byHash = new ConcurrentHashMap<>();
    /** Moves on every forgetting, so that a read that raced with one does not put back what it read. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private PgListener listener;

    ApiKeyCache(Config config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        listener = PgListener.start(config, CHANNEL, Duration.ofMillis(500), new PgListener.Handler() {
            @Override
            public void wake(List<String> hashes) {
                hashes.forEach(ApiKeyCache.this::forget);
            }

            @Override
            public void listening(boolean now) {
                if (now) {
                    forgetAll();
                    listening = true;
                } else {
                    listening = false;
                    forgetAll();
                }
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        listening = false;
        if (listener != null) {
            listener.stop();
        }
    }

    /** The verified key with this hash, or null when it must be read from the database. */
    Entry get(String hash) {
        return listening ? byHash.get(hash) : null;
    }

    /** The generation to pass to {@link #put}, taken before the database read. */
    long generation() {
        return generation.get();
    }

    /** Keeps a key read from the database, unless anything was forgotten since {@code seen} was taken. */
    void put(String hash, Entry entry, long seen) {
        if (!listening || (byHash.size() >= MAX_KEYS && !byHash.containsKey(hash))) {
            return;
        }
        byHash.put(hash, entry);
        // forget() moves the generation before it removes: either it removed what was just put, or
        // the move is seen here
        if (generation.get() != seen || !listening) {
            byHash.remove(hash, entry);
        }
    }

    void forget(String hash) {
        generation.incrementAndGet();
        if (hash != null) {
            byHash.remove(hash);
        }
    }

    void forgetAll() {
        generation.incrementAndGet();
        byHash.clear();
    }

    boolean listening() {
        return listening;
    }
}
