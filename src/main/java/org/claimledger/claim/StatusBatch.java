package org.claimledger.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One status change applied to many claims, each under its own ETag. */
@Schema(name = "StatusBatch")
public record StatusBatch(
        @Schema(required = true, examples = "IN_REVIEW") @NotNull ClaimStatus status,
        @Schema(maxLength = 10000, nullable = true) @Size(max = 10000) String explanation,
        @Schema(nullable = true) java.util.UUID supersededBy,
        @Schema(required = true, maxItems = 500, minItems = 1) @NotEmpty @Size(max = 500) List<@NotNull @Valid Item> items) {

    @Schema(name = "StatusBatchItem")
    public record Item(
            @Schema(required = true) @NotNull UUID id,
            @Schema(required = true, description = "The ETag of the claim as last read", examples = "\"3\"")
            @Size(max = 100) String ifMatch) {
    }
}
