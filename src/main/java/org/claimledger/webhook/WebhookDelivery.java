package org.claimledger.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.claimledger.history.EntityType;

/** One event a subscription attempted to deliver. It names the ledger entry; the body is rebuilt from it. */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

    enum Status { PENDING, DELIVERED, FAILED }

    @Id
    UUID id;
    UUID webhookId;
    String messageId;
    long revision;
    int seq;
    @Enumerated(EnumType.STRING)
    EntityType entityType;
    UUID entityId;
    String event;
    @Enumerated(EnumType.STRING)
    Status status;
    int attempts;
    Instant firstAttemptAt;
    Instant lastAttemptAt;
    Instant nextAttemptAt;
    Integer lastStatusCode;
    String lastError;
    String responseExcerpt;
    Instant deliveredAt;
    Instant createdAt;
}
