package org.claimledger.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code claims.feed.*}: how many streams an instance serves and how it treats slow ones. */
@ConfigMapping(prefix = "claims.feed")
interface FeedConfig {

    /** Open streams per instance; more get a 503 problem. */
    @WithDefault("100")
    int maxStreams();

    /** Events that may wait for a slow client. */
    @WithDefault("1000")
    int maxBufferedEvents();

    /** Quiet time after which a stream gets a heartbeat comment. */
    @WithDefault("15S")
    Duration heartbeat();

    /** How long a client may stay that slow before it is dropped. */
    @WithDefault("30S")
    Duration slowConsumerTimeout();

    /** How often an instance looks at the ledger without a notification. */
    @WithDefault("1S")
    Duration pollInterval();
}
