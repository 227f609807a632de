package org.claimledger.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription. */
@Schema(name = "WebhookRequest")
record WebhookRequest(
        @Schema(required = true, maxLength = 2048, description = "https URL that receives a POST per event",
                examples = "https://newsroom.example/hooks/claims") @NotBlank @Size(max = 2048) String url,
        @Schema(maxItems = 20, description = "The events to deliver; all when empty or absent",
                examples = "[\"claim.status_changed\"]") @Size(max = 20) List<@NotBlank @Size(max = 100) String> events,
        @Schema(maxLength = 500, examples = "Verdicts for the live blog") @Size(max = 500) String description,
        @Schema(description = "Whether events are delivered; true when absent", examples = "true") Boolean enabled) {
}
