package org.claimledger.matching;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The list of matches, best first: the list shape; one page, so nextCursor is always null. */
@Schema(name = "SimilarClaims")
public record SimilarClaims(
        @Schema(maxItems = 50) List<SimilarClaim> items,
        @Schema(description = "Always null: the best matches come in one page.", nullable = true, maxLength = 0)
        String nextCursor) {

    public static SimilarClaims of(List<SimilarClaim> items) {
        return new SimilarClaims(items, null);
    }
}
