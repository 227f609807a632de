package org.claimledger.claim;

import java.time.Instant;
import org.claimledger.common.time.FuzzyDate;
import java.util.UUID;
import org.claimledger.common.http.Params;

/** Filters of the claim list; null means no filter; all combine with AND. */
record ClaimFilter(String q, ClaimStatus status, ClaimType type, String claimant, String tag, UUID articleId,
        Instant updatedSince, FuzzyDate claimDate, FuzzyDate eventDate) {

    /** The filters claim stats take, parsed from their query parameters (400 problems for bad values). */
    static ClaimFilter forStats(String articleId, String tag, String updatedSince) {
        return new ClaimFilter(null, null, null, null, Params.text("tag", tag, 100), Params.uuid("articleId", articleId),
                Params.instant("updatedSince", updatedSince), null, null);
    }
}
