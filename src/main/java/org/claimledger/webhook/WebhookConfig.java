package org.claimledger.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code claims.webhooks.*}: where deliveries may go, how they are timed, retried and given up. */
@ConfigMapping(prefix = "claims.webhooks")
interface WebhookConfig {

    /** Allow http: and loopback or private targets (development, tests). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How long a rotated-out secret still signs. */
    @WithDefault("24H")
    Duration secretGrace();

    /** How long an instance holds a subscription. */
    @WithDefault("60S")
    Duration lease();

    @WithDefault("5S")
    Duration connectTimeout();

    @WithDefault("10S")
    Duration readTimeout();

    /** The first wait between attempts. */
    @WithDefault("10S")
    Duration retryInitial();

    /** The longest wait between attempts. */
    @WithDefault("1H")
    Duration retryMax();

    /** How long an event is retried before the subscription is disabled. */
    @WithDefault("24H")
    Duration giveUpAfter();

    /** How often an instance looks for due deliveries. */
    @WithDefault("1S")
    Duration pollInterval();
}
