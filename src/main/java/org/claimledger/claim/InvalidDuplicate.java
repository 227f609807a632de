package org.claimledger.claim;

import java.util.UUID;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;

/** A duplicate link that would make a chain, point a claim at itself, or undo one that is not there. */
class InvalidDuplicate extends ProblemException {

    static final ProblemType TYPE = ProblemType.of("invalid-duplicate", "This duplicate link is not allowed", 409);

    InvalidDuplicate(UUID claimId, UUID duplicateOf, String rule) {
        super(TYPE, rule);
        with("claimId", claimId.toString());
        if (duplicateOf != null) {
            with("duplicateOf", duplicateOf.toString());
        }
    }
}
