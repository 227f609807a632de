package org.claimledger.claim;

import java.time.Instant;
import org.claimledger.common.time.FuzzyDate;
import java.util.UUID;

/**
 * Filters of the claim list; null means no filter; all combine with AND. {@code language} keeps the
 * claims of that language (and its regional variants) and searches {@code q} in its configuration;
 * {@code duplicateOf} keeps the claims confirmed to duplicate that one; {@code excludeDuplicates}
 * hides every confirmed duplicate.
 */
record ClaimFilter(String q, ClaimStatus status, ClaimType type, String claimant, String tag, UUID articleId,
        Instant updatedSince, FuzzyDate claimDate, FuzzyDate eventDate, String language, UUID duplicateOf,
        boolean excludeDuplicates) {

    ClaimFilter(String q, ClaimStatus status, ClaimType type, String claimant, String tag, UUID articleId,
            Instant updatedSince) {
        this(q, status, type, claimant, tag, articleId, updatedSince, null, null, null, null, false);
    }
}
