package org.claimledger.common.error;

import java.util.UUID;

/** The resource existed and was (softly) deleted: its row is kept, but it is no longer served. */
public class Gone extends ProblemException {
    public Gone(String what, UUID id) {
        super(ProblemType.GONE, what + " " + id + " was deleted");
    }
}
