package org.claimledger.claim;

import java.time.Instant;
import java.util.UUID;

/** Filters of the claim list; null means no filter; all combine with AND. */
record ClaimFilter(String q, ClaimStatus status, ClaimType type, String claimant, String tag, UUID articleId,
        Instant updatedSince) {
}
