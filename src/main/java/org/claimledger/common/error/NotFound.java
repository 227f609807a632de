package org.claimledger.common.error;

import java.util.UUID;

/** The resource named by the request does not exist. */
public class NotFound extends ProblemException {
    public NotFound(String what, UUID id) {
        super(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }
}
