package org.claimledger.claim;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON page of listClaims, named for the contract (the list answers text/csv too). */
@Schema(name = "PageClaimResponse")
record ClaimPage(
        @Schema(maxItems = 200) List<ClaimResponse> items,
        @Schema(description = "Pass as `cursor` to read the next page; null on the last page.", nullable = true,
                maxLength = 1000) String nextCursor) {
}
