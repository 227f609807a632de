package org.claimledger.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to a subscription: the members given replace the current ones, absent ones stay. */
@Schema(name = "WebhookPatch")
record WebhookPatch(
        @Schema(maxLength = 2048, examples = "https://newsroom.example/hooks/claims") @Size(max = 2048) String url,
        @Schema(maxItems = 20, examples = "[\"claim.status_changed\", \"claim.deleted\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> events,
        @Schema(maxLength = 500, examples = "Verdicts for the live blog") @Size(max = 500) String description,
        @Schema(description = "true re-enables a subscription that was disabled, and retries its failed deliveries",
                examples = "true") Boolean enabled) {
}
