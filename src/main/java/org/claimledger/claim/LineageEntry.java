package org.claimledger.claim;

import java.time.Instant;
import org.claimledger.common.time.FuzzyDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One claim of a supersession chain: how a figure evolved. */
@Schema(name = "LineageEntry")
public record LineageEntry(
        UUID id,
        @Schema(examples = "Two explosions killed over 70 people") String statement,
        @Schema(nullable = true) Quantity quantity,
        @Schema(examples = "SUPERSEDED") ClaimStatus status,
        @Schema(implementation = String.class, maxLength = 21, pattern = FuzzyDate.PATTERN, examples = "2021-08-26") FuzzyDate claimDate,
        @Schema(nullable = true) UUID supersededBy,
        @Schema(description = "When it was superseded; null for the current claim.", nullable = true) Instant supersededAt) {

    static LineageEntry of(Claim c) {
        return new LineageEntry(c.id, c.statement, c.quantity, c.status, c.claimDate(), c.supersededBy, c.supersededAt);
    }
}
