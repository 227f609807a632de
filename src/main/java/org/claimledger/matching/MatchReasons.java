package org.claimledger.matching;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a claim matched: each signal the score was made of. */
@Schema(name = "MatchReasons")
public record MatchReasons(
        @Schema(description = "How alike the statements are once normalised (number words as digits, accents and "
                + "case folded), 0..1.", minimum = "0", maximum = "1", examples = "0.62") double textSimilarity,
        @Schema(description = "Both state a figure: true when measure and subject agree and the bounds overlap "
                + "(more than 70 overlaps 72 and 60-80, not 12); null when either has none.", nullable = true)
        Boolean sameQuantity,
        @Schema(description = "Both attribute: true when actor and role agree; null when either has none.", nullable = true)
        Boolean sameAttribution,
        @Schema(description = "1 for the same claim date, falling to 0 at 30 days apart; null without both dates.",
                nullable = true, minimum = "0", maximum = "1") Double dateProximity,
        @Schema(description = "Tags both carry.", maxItems = 50) List<String> sharedTags,
        @Schema(description = "Articles both are linked to.", maxItems = 100) List<UUID> sharedArticleIds) {
}
