package org.claimledger.common.http;

/** Who is making the current request, as far as common code needs to know: a stable name. */
public interface Caller {

    /** The authenticated name, or a fixed name for anonymous callers. */
    String name();
}
