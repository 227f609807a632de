package org.claimledger.claim;

import java.util.List;
import java.util.UUID;
import org.claimledger.common.error.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened to each claim of a batch, in request order. */
@Schema(name = "StatusBatchResult")
public record StatusBatchResult(@Schema(maxItems = 500) List<Item> items) {

    @Schema(name = "StatusBatchResultItem")
    public record Item(
            UUID id,
            @Schema(description = "The status the item would have had alone: 200, 404, 409, 410, 412, 428.", examples = "200")
            int httpStatus,
            @Schema(description = "The claim's new ETag when it changed", nullable = true) String etag,
            @Schema(description = "Why it did not change", nullable = true) Problem problem) {
    }
}
