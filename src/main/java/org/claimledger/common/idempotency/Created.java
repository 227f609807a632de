package org.claimledger.common.idempotency;

import java.net.URI;
import org.claimledger.common.http.Versioned;

/**
 * What a guarded POST produced: the body, where it lives (null when it created nothing) and its
 * ETag (null when it has none).
 */
public record Created(Object body, URI location, String etag) {

    public Created(Versioned body, URI location) {
        this(body, location, body.etag());
    }
}
