package org.claimledger.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.claimledger.common.error.NotFound;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.time.Ids;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** API keys: issued with a secret shown once, stored as a hash, revoked at once. */
@ApplicationScoped
public class ApiKeyService {

    static final String PREFIX = "cl_";
    static final String BOOTSTRAP_NAME = "bootstrap-admin";
    static final ProblemType NAME_TAKEN = ProblemType.of("api-key-name-taken", "An API key with this name exists", 409);
    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final ApiKeyCache cache;
    private final TransactionSynchronizationRegistry transactions;
    private final Optional<String> bootstrapKey;

    ApiKeyService(ApiKeyRepository keys, ApiKeyCache cache, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "claims.bootstrap-admin-key") Optional<String> bootstrapKey) {
        this.keys = keys;
        this.cache = cache;
        this.transactions = transactions;
        this.bootstrapKey = bootstrapKey;
    }

    @Transactional
    public ApiKeyResponse create(ApiKeyRequest request) {
        if (keys.findLiveByName(request.name()).isPresent()) {
            throw new ProblemException(NAME_TAKEN, "a live API key is already named '" + request.name() + "'");
        }
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        return ApiKeyResponse.of(store(request.name(), request.role(), secret), secret);
    }

    public List<ApiKeyResponse> list() {
        return keys.live().stream().map(k -> ApiKeyResponse.of(k, null)).toList();
    }

    @Transactional
    public void revoke(UUID id) {
        ApiKey key = keys.findById(id);
        if (key == null || key.revokedAt != null) {
            throw new NotFound("API key", id);
        }
        key.revokedAt = Ids.now();
        // every instance forgets the key when the trigger's notification arrives; this one at once
        String hash = key.secretHash;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.forget(hash);
                }
            }
        });
    }

    /**
     * The identity of a live key this instance verified within the last minute, from memory; null when
     * the key must be read ({@link #authenticate}): unknown here, a minute old, or the cache is off.
     */
    SecurityIdentity remembered(String secret) {
        ApiKeyCache.Entry entry = cache.get(hash(secret));
        return entry != null && System.nanoTime() - entry.touchedAtNanos() < TOUCH_EVERY.toNanos() ? entry.identity() : null;
    }

    /**
     * The identity of the live key with this secret; empty when no live key has it. One read, outside
     * any transaction; its use is written only when the recorded one is a minute old or more. The key
     * is then remembered for a minute (see {@link ApiKeyCache}).
     */
    Optional<SecurityIdentity> authenticate(String secret) {
        String hash = hash(secret);
        long seen = cache.generation();
        Optional<ApiKey> key = keys.findLiveByHash(hash);
        key.filter(k -> k.lastUsedAt == null || k.lastUsedAt.isBefore(Instant.now().minus(TOUCH_EVERY)))
                .ifPresent(k -> keys.touch(k.id));
        return key.map(k -> {
            SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(k.name))
                    .addRole(k.role.roleName())
                    .addAttribute("credential", "api-key")
                    .build();
            cache.put(hash, new ApiKeyCache.Entry(k.id, identity, System.nanoTime()), seen);
            return identity;
        });
    }

    /**
     * At start: makes CLAIMS_BOOTSTRAP_ADMIN_KEY an admin key named bootstrap-admin; or, when no key
     * exists and none is configured, creates one admin key and prints it once, so that a fresh
     * service can be used at once.
     */
    @Transactional
    void bootstrap(@Observes StartupEvent event) {
        keys.lockBootstrap();
        if (bootstrapKey.isPresent() && !bootstrapKey.get().isBlank()) {
            String secret = bootstrapKey.get().trim();
            if (secret.length() < 32) {
                throw new IllegalStateException("CLAIMS_BOOTSTRAP_ADMIN_KEY must be at least 32 characters");
            }
            Optional<ApiKey> existing = keys.findLiveByName(BOOTSTRAP_NAME);
            if (existing.isPresent() && existing.get().secretHash.equals(hash(secret))) {
                return;
            }
            existing.ifPresent(k -> k.revokedAt = Ids.now());
            keys.flush();
            keys.findLiveByHash(hash(secret)).ifPresent(k -> k.revokedAt = Ids.now());
            keys.flush();
            store(BOOTSTRAP_NAME, Role.ADMIN, secret);
            LOG.infof("API key %s (admin) is the configured CLAIMS_BOOTSTRAP_ADMIN_KEY", BOOTSTRAP_NAME);
            return;
        }
        if (keys.count() == 0) {
            String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
            store("initial-admin", Role.ADMIN, secret);
            LOG.warnf("Created the first admin API key 'initial-admin'. Send it as 'Authorization: Bearer %s'. "
                    + "It is shown only this once: store it now, then create a key per tool with POST /api/v1/api-keys.",
                    secret);
        }
    }

    private ApiKey store(String name, Role role, String secret) {
        ApiKey key = new ApiKey();
        key.id = Ids.newId();
        key.name = name;
        key.role = role;
        key.prefix = secret.substring(0, Math.min(8, secret.length()));
        key.secretHash = hash(secret);
        key.createdAt = Ids.now();
        keys.persist(key);
        keys.flush();
        return key;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
