package org.claimledger.common.http;

/** A representation whose strong ETag derives from its row version. */
public interface Versioned {
    long version();

    default String etag() {
        return ETags.of(version());
    }
}
