package org.claimledger.claim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The verification workflow as a table of moves:
 * UNVERIFIED -> IN_REVIEW; IN_REVIEW -> a verdict; a verdict -> IN_REVIEW (reopen); any -> SUPERSEDED.
 */
final class Workflow {

    static final Set<ClaimStatus> VERDICTS = EnumSet.of(ClaimStatus.VERIFIED, ClaimStatus.FALSE,
            ClaimStatus.MISLEADING, ClaimStatus.DISPUTED, ClaimStatus.UNPROVEN);

    private Workflow() {
    }

    static List<ClaimStatus> next(ClaimStatus from) {
        List<ClaimStatus> next = new ArrayList<>();
        switch (from) {
            case UNVERIFIED -> next.add(ClaimStatus.IN_REVIEW);
            case IN_REVIEW -> next.addAll(VERDICTS);
            case VERIFIED, FALSE, MISLEADING, DISPUTED, UNPROVEN -> next.add(ClaimStatus.IN_REVIEW);
            case SUPERSEDED -> {
            }
        }
        if (from != ClaimStatus.SUPERSEDED) {
            next.add(ClaimStatus.SUPERSEDED);
        }
        return next;
    }
}
