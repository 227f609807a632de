package org.claimledger.claim;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a claim relates to an article, as set by PUT. */
@Schema(name = "ArticleLinkRequest")
public record ArticleLinkRequest(
        @Schema(required = true, examples = "APPEARS_IN") @NotNull LinkRole role,
        @Schema(maxLength = 5000, description = "The passage of the article that carries the claim.",
                examples = "The two explosions killed more than 70 people, including at least 12 U.S. service members.")
        @Size(max = 5000) String excerpt) {
}
