package org.claimledger.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code claims.rate-limit.*}: the per-caller budget shared by all instances. */
@ConfigMapping(prefix = "claims.rate-limit")
interface RateLimitConfig {

    /** Requests a minute per caller; 0 turns the limit off. */
    @WithDefault("6000")
    int perMinute();

    /** How often an instance adds its counts to the shared ones (read by the scheduler as {@code {claims.rate-limit.sync}}). */
    @WithDefault("1s")
    String sync();
}
