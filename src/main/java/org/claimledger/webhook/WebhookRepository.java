package org.claimledger.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    List<Webhook> all() {
        return list("order by createdAt, id");
    }

    /**
     * Takes one due, enabled subscription that no instance holds, and holds it for {@code lease}:
     * {@code FOR UPDATE SKIP LOCKED} lets instances take different ones at the same moment.
     */
    Optional<UUID> lease(UUID token, Duration lease) {
        List<?> ids = getEntityManager().createNativeQuery("update webhook set lease_until = now() + make_interval(secs => :secs),"
                        + " lease_token = :token where id = (select id from webhook where enabled and next_run_at <= now()"
                        + " and (lease_until is null or lease_until < now()) order by next_run_at limit 1"
                        + " for update skip locked) returning id")
                .setParameter("secs", (double) lease.toMillis() / 1000).setParameter("token", token).getResultList();
        return ids.stream().findFirst().map(id -> (UUID) id);
    }

    /** Lets go of a held subscription and says when to look at it again. */
    void release(UUID id, UUID token, Instant nextRun) {
        getEntityManager().createNativeQuery("update webhook set lease_until = null, lease_token = null,"
                        + " next_run_at = :next where id = :id and lease_token = :token")
                .setParameter("next", nextRun).setParameter("id", id).setParameter("token", token).executeUpdate();
    }

    void advance(UUID id, long cursor) {
        getEntityManager().createNativeQuery("update webhook set cursor = :cursor where id = :id and cursor < :cursor")
                .setParameter("cursor", cursor).setParameter("id", id).executeUpdate();
    }

    void disable(UUID id, String reason) {
        getEntityManager().createNativeQuery("update webhook set enabled = false, disabled_reason = :reason,"
                        + " updated_at = now(), version = version + 1 where id = :id")
                .setParameter("reason", reason).setParameter("id", id).executeUpdate();
    }
}
