package org.claimledger.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook")
record WebhookResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, maxLength = 2048, examples = "https://newsroom.example/hooks/claims") String url,
        @Schema(maxLength = 500, examples = "Verdicts for the live blog") String description,
        @Schema(required = true, maxItems = 20, description = "Delivered events; empty means all",
                examples = "[\"claim.status_changed\"]") List<String> events,
        @Schema(required = true, examples = "true") boolean enabled,
        @Schema(maxLength = 1000, description = "Why the service disabled it, when it did",
                examples = "deliveries failed for 24 h") String disabledReason,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(maxLength = 100, description = "The signing secret (Standard Webhooks whsec_...): only in the answer "
                + "to create and to secret:rotate", examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
        @Schema(description = "Until when the previous secret still signs, after a rotation",
                examples = "2026-11-30T07:00:00Z") Instant previousSecretExpiresAt,
        @Schema(required = true, examples = "2026-11-29T07:00:00Z") Instant createdAt,
        @Schema(required = true, examples = "2026-11-29T07:00:00Z") Instant updatedAt) {

    static WebhookResponse of(Webhook hook, String secret) {
        Instant previous = hook.previousSecret != null && hook.previousSecretUntil != null
                && hook.previousSecretUntil.isAfter(Instant.now()) ? hook.previousSecretUntil : null;
        return new WebhookResponse(hook.id, hook.url, hook.description, hook.events, hook.enabled, hook.disabledReason,
                secret, previous, hook.createdAt, hook.updatedAt);
    }
}
