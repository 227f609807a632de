package org.claimledger.webhook;

import java.time.Instant;
import java.util.UUID;
import org.claimledger.history.EntityType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery")
record DeliveryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, maxLength = 100, description = "The webhook-id header: the same on every attempt",
                examples = "msg_1234_0193a1a4-7d0e-7c2a-9b1e-3f1f5e0c2a11") String messageId,
        @Schema(required = true, examples = "1234") long revision,
        @Schema(required = true, maxLength = 100, examples = "claim.status_changed") String event,
        @Schema(description = "The claim or article the event concerns; absent for ledger.checkpoint")
        EntityType entityType,
        @Schema(description = "Absent for ledger.checkpoint") UUID entityId,
        @Schema(required = true, examples = "DELIVERED") WebhookDelivery.Status status,
        @Schema(required = true, examples = "1") int attempts,
        @Schema(description = "HTTP status of the last attempt; null when no answer came", examples = "204")
        Integer lastResponseCode,
        @Schema(maxLength = 500, examples = "connect timed out") String lastError,
        @Schema(maxLength = 1000, description = "The start of the last answer's body", examples = "ok")
        String responseExcerpt,
        @Schema(examples = "2026-11-29T07:00:01Z") Instant lastAttemptAt,
        @Schema(description = "When it is tried next; null once delivered or failed", examples = "2026-11-29T07:00:05Z")
        Instant nextAttemptAt,
        @Schema(examples = "2026-11-29T07:00:01Z") Instant deliveredAt,
        @Schema(required = true, examples = "2026-11-29T07:00:00Z") Instant createdAt) {

    static DeliveryResponse of(WebhookDelivery d) {
        return new DeliveryResponse(d.id, d.messageId, d.revision, d.event, d.entityType, d.entityId, d.status,
                d.attempts, d.lastStatusCode, d.lastError, d.responseExcerpt, d.lastAttemptAt,
                d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt, d.createdAt);
    }
}
