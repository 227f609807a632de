package org.claimledger.matching;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded claim that may be the same as the one compared, with how sure and why. */
@Schema(name = "SimilarClaim")
public record SimilarClaim(
        UUID claimId,
        @Schema(examples = "More than seventy people died in the two blasts") String statement,
        @Schema(examples = "UNVERIFIED") String status,
        @Schema(description = "0..1; above 0.5 is worth a look, above 0.75 is very likely the same claim.",
                minimum = "0", maximum = "1", examples = "0.81") double score,
        MatchReasons reasons) {
}
