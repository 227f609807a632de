package org.claimledger.common.db;

import java.util.UUID;
import org.claimledger.common.error.Gone;
import org.claimledger.common.error.NotFound;

/**
 * The one place that says what a live row is: not (softly) deleted. Queries that serve live rows use
 * its conditions; reads that must tell a deleted row from a missing one (410 Gone, not 404) find the
 * row by id and ask {@link #orThrow}.
 */
public final class Live {

    /** A live row, in JPQL / Panache queries. */
    public static final String JPQL = "deletedAt is null";
    /** A live row, in SQL over a table that is not aliased. */
    public static final String SQL = "deleted_at is null";

    private Live() {
    }

    /** A live row of the table aliased {@code alias}, in SQL. */
    public static String sql(String alias) {
        return alias + "." + SQL;
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
