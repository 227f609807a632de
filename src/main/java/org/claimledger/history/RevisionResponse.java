package org.claimledger.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Revision", description = "One change of a claim (with its sources and links) or an article.")
public record RevisionResponse(
        @Schema(description = "Revision number, increasing across the whole ledger.", examples = "42") long revision,
        @Schema(examples = "2026-11-28T22:40:00.123456Z") Instant timestamp,
        @Schema(examples = "anonymous") String actor,
        @Schema(description = "The X-Change-Reason of the request, or a status change's explanation.",
                examples = "revised toll") String reason,
        String requestId,
        @Schema(examples = "CLAIM") EntityType entityType,
        UUID entityId,
        @Schema(examples = "UPDATED") ChangeType type,
        List<Change> changes,
        @Schema(description = "Its leaf in the ledger's Merkle tree, for GET /api/v1/ledger/proofs/inclusion; "
                + "null until the tree has taken it in, moments after the writing transaction commits (once every "
                + "lower revision has ended).", nullable = true, examples = "41") Long leafIndex) {
}
