package org.claimledger.history;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LedgerVerification", description = "The hash chains of every claim and article, checked.")
public record LedgerVerifyResponse(
        boolean valid,
        long entities,
        long revisions,
        @Schema(description = "How many chains are broken.") long brokenChains,
        @Schema(description = "The broken chains, at most the first 100.", maxItems = 100) List<Broken> broken) {

    public record Broken(EntityType entityType, UUID entityId, long firstBrokenRevision) {
    }
}
