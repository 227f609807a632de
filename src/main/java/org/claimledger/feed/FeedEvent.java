package org.claimledger.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.claimledger.history.EntityType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One change of the ledger as the feed and webhooks announce it: what changed and where to read it,
 * not the whole state. One per history entry, and one per stored checkpoint ({@code ledger.checkpoint},
 * without entity, actor or changed fields); {@code revision} is the SSE event id.
 */
@Schema(hidden = true) // described in META-INF/openapi.yaml, where the webhooks section refers to it
public record FeedEvent(
        @Schema(required = true, description = "The ledger revision; the SSE event id", examples = "1234") long revision,
        @Schema(required = true, description = "When the revision was written", examples = "2026-11-29T07:00:00Z")
        Instant timestamp,
        @Schema(required = true, examples = "claim.status_changed") String event,
        @Schema(required = true) EntityType entityType,
        @Schema(required = true, examples = "0193a1a4-7d0e-7c2a-9b1e-3f1f5e0c2a11") UUID entityId,
        @Schema(required = true, maxLength = 200, examples = "editor-desk") String actor,
        @Schema(maxLength = 500, examples = "Pentagon confirmed") String reason,
        @Schema(maxLength = 100, examples = "req-7f3a") String requestId,
        @Schema(required = true, maxItems = 1000, description = "The changed field paths, as in the history",
                examples = "[\"status\", \"explanation\", \"verdictAt\"]") List<String> changedFields,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only when the claim's status changed") FeedStatusChange status,
        @Schema(required = true, maxLength = 100, examples = "/api/v1/claims/0193a1a4-7d0e-7c2a-9b1e-3f1f5e0c2a11")
        String href,
        @Schema(description = "ledger.checkpoint only: the size of the tree it signs") Long treeSize,
        @Schema(description = "ledger.checkpoint only: the tree's root hash, base64") String rootHash,
        @Schema(description = "ledger.checkpoint only: the signed checkpoint (C2SP signed note), as "
                + "GET /api/v1/ledger/checkpoint answered it then; save it to verify the ledger against later")
        String checkpoint) {

    /** An entry's event: what changed, where to read it. */
    public FeedEvent(long revision, Instant timestamp, String event, EntityType entityType, UUID entityId, String actor,
            String reason, String requestId, List<String> changedFields, FeedStatusChange status, String href) {
        this(revision, timestamp, event, entityType, entityId, actor, reason, requestId, changedFields, status, href,
                null, null, null);
    }

    /** A claim's status before and after the revision. */
    @Schema(hidden = true) // described inline in META-INF/openapi.yaml with FeedEvent
    public record FeedStatusChange(@Schema(maxLength = 32, examples = "IN_REVIEW") String from,
            @Schema(maxLength = 32, examples = "VERIFIED") String to) {
    }
}
