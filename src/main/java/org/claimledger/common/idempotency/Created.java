package org.claimledger.common.idempotency;

import java.net.URI;
import org.claimledger.common.http.Versioned;

/** What a create produced: the body, where it lives, and its ETag. */
public record Created(Versioned body, URI location) {
}
