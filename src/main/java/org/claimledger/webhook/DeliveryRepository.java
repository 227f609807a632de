package org.claimledger.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class DeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** The subscription's first undelivered event in ledger order: it goes before any later one. */
    Optional<WebhookDelivery> head(UUID webhookId) {
        return find("webhookId = ?1 and status = ?2 order by revision, seq", webhookId, WebhookDelivery.Status.PENDING)
                .firstResultOptional();
    }

    /** Newest first, one page (limit + 1 rows) before the given delivery. */
    List<WebhookDelivery> page(UUID webhookId, int limit, WebhookDelivery before) {
        if (before == null) {
            return find("webhookId = ?1 order by revision desc, seq desc", webhookId).page(0, limit + 1).list();
        }
        return find("webhookId = ?1 and (revision < ?2 or (revision = ?2 and seq < ?3)) order by revision desc, seq desc",
                webhookId, before.revision, before.seq).page(0, limit + 1).list();
    }

    List<WebhookDelivery> failed(UUID webhookId) {
        return list("webhookId = ?1 and status = ?2", webhookId, WebhookDelivery.Status.FAILED);
    }
}
