package org.claimledger.claim;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts for dashboards: every status and type is listed, with zero when none. */
@Schema(name = "ClaimStats")
public record ClaimStats(
        @Schema(examples = "42") long total,
        @Schema(examples = "{\"UNVERIFIED\": 30, \"IN_REVIEW\": 5, \"VERIFIED\": 7}") Map<String, Long> byStatus,
        @Schema(examples = "{\"CASUALTY_COUNT\": 12, \"ATTRIBUTION\": 4}") Map<String, Long> byType) {
}
