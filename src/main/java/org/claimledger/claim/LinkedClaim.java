package org.claimledger.claim;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A claim as listed under an article: the claim in brief and how the article relates to it. */
@Schema(name = "LinkedClaim")
public record LinkedClaim(
        UUID claimId,
        @Schema(examples = "Two explosions killed over 70 people") String statement,
        @Schema(examples = "CASUALTY_COUNT") ClaimType type,
        @Schema(examples = "UNVERIFIED") ClaimStatus status,
        @Schema(examples = "APPEARS_IN") LinkRole role,
        String excerpt,
        @Schema(description = "When the link was made.") Instant createdAt,
        @Schema(description = "When the link last changed.") Instant updatedAt) {
}
