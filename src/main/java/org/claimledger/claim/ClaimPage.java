package org.claimledger.claim;

import java.util.List;
import org.claimledger.common.paging.Paged;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of listClaims: the list shape, plus whether typo matches were let in. */
@Schema(name = "PageClaimResponse")
record ClaimPage(
        @Schema(maxItems = 200) List<ClaimResponse> items,
        @Schema(description = "Pass as `cursor` to read the next page; null on the last page.", nullable = true,
                maxLength = 1000) String nextCursor,
        @Schema(description = "True when the full-text search found fewer than a page and statements alike despite "
                + "typos were added, ranked below every full-text match; false otherwise.") boolean fuzzy) implements Paged {
}
