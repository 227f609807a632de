package org.claimledger.common.db;

import java.util.UUID;
import org.claimledger.common.error.Gone;
import org.claimledger.common.error.NotFound;

/** The one "find live or 404/410" rule. */
public final class Live {

    private Live() {
    }

    /**
     * The row if it exists and is not deleted.
     *
     * @throws NotFound when {@code found} is null
     * @throws Gone when it was deleted
     */
    public static <E extends LedgerEntity> E orThrow(E found, String what, UUID id) {
        if (found == null) {
            throw new NotFound(what, id);
        }
        if (found.isDeleted()) {
            throw new Gone(what, id);
        }
        return found;
    }
}
