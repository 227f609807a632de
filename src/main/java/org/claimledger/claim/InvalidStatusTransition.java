package org.claimledger.claim;

import java.util.List;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;

/** The workflow refuses this move: says which rule is unmet and where the claim may go instead. */
class InvalidStatusTransition extends ProblemException {

    static final ProblemType TYPE = ProblemType.of("invalid-status-transition", "This status change is not allowed", 409);

    InvalidStatusTransition(ClaimStatus from, ClaimStatus to, String rule, List<ClaimStatus> allowed) {
        super(TYPE, "cannot move from " + from + " to " + to + ": " + rule);
        with("currentStatus", from.name());
        with("requestedStatus", to.name());
        with("unmetRule", rule);
        with("allowedNextStatuses", allowed.stream().map(Enum::name).toList());
    }
}
