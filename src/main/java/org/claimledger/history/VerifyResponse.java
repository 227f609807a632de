package org.claimledger.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChainVerification", description = "Whether an entity's hash chain still matches its history.")
public record VerifyResponse(
        boolean valid,
        @Schema(description = "How many revisions were checked.") long revisions,
        @Schema(description = "The first revision whose content or link no longer matches its hash; null when valid.",
                nullable = true) Long firstBrokenRevision) {
}
