package org.claimledger.common.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Column values as native queries return them, in the types the code works with. */
public final class Columns {

    private Columns() {
    }

    /** A timestamptz: an Instant, OffsetDateTime or Timestamp, depending on the driver and Hibernate's mapping. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
