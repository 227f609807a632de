package org.claimledger.common.paging;

import java.util.Arrays;
import org.claimledger.common.error.ProblemException;

/** The orders a list can be read in; each is a keyset over (timestamp, id). */
public enum Sort {
    CREATED_AT_DESC("-createdAt", "created_at", true),
    CREATED_AT_ASC("createdAt", "created_at", false),
    UPDATED_AT_DESC("-updatedAt", "updated_at", true),
    UPDATED_AT_ASC("updatedAt", "updated_at", false);

    public static final String VALUES = "createdAt, -createdAt, updatedAt, -updatedAt";

    private final String param;
    private final String column;
    private final boolean descending;

    Sort(String param, String column, boolean descending) {
        this.param = param;
        this.column = column;
        this.descending = descending;
    }

    public String param() {
        return param;
    }

    /** The sort key of a row: its creation or its last update time. */
    public java.time.Instant keyOf(java.time.Instant createdAt, java.time.Instant updatedAt) {
        return column.equals("created_at") ? createdAt : updatedAt;
    }

    public boolean descending() {
        return descending;
    }

    /** {@code ORDER BY} over a table alias, with id as the tie breaker. */
    public String orderBy(String alias) {
        String dir = descending ? " desc" : " asc";
        return alias + "." + column + dir + ", " + alias + ".id" + dir;
    }

    /** The keyset condition that starts after the cursor's row. */
    public String after(String alias) {
        return "(" + alias + "." + column + ", " + alias + ".id) " + (descending ? "<" : ">") + " (:afterAt, :afterId)";
    }

    public static Sort parse(String value) {
        if (value == null || value.isBlank()) {
            return CREATED_AT_DESC;
        }
        return Arrays.stream(values()).filter(s -> s.param.equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalidParameter("sort",
                        "sort must be one of " + VALUES).with("allowedValues", Arrays.stream(values()).map(Sort::param).toList()));
    }
}
