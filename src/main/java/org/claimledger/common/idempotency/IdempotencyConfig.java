package org.claimledger.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** {@code claims.idempotency.*}: how Idempotency-Keys wait, how long they are kept, how often purged. */
@ConfigMapping(prefix = "claims.idempotency")
public interface IdempotencyConfig {

    /** How long a retry waits for a request with the same key still in flight before 409. */
    @WithName("wait")
    @WithDefault("5S")
    Duration inFlightWait();

    /** How long Idempotency-Keys are kept. */
    @WithDefault("P1D")
    Duration retention();

    /** How often expired keys are purged (read by the scheduler as {@code {claims.idempotency.purge-every}}). */
    @WithDefault("1h")
    String purgeEvery();
}
