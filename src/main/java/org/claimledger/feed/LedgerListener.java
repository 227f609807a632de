package org.claimledger.feed;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.claimledger.common.db.PgListener;
import org.eclipse.microprofile.config.Config;

/**
 * Wakes the feed when another transaction (on any instance) commits a revision: LISTENs on
 * {@code claims_ledger} (a trigger on revision NOTIFYs it) through a {@link PgListener}. A wake-up
 * only: the ledger is the truth, and the feed also looks at it every {@code claims.feed.poll-interval},
 * so a lost notification delays and never drops.
 */
@ApplicationScoped
class LedgerListener {

    static final String CHANNEL = "claims_ledger";

    private final FeedService feed;
    private final Config config;
    private final Duration pollInterval;
    private PgListener listener;

    LedgerListener(FeedService feed, Config config, FeedConfig feedConfig) {
        this.feed = feed;
        this.config = config;
        this.pollInterval = feedConfig.pollInterval();
    }

    void start(@Observes StartupEvent event) {
        listener = PgListener.start(config, CHANNEL, pollInterval, payloads -> feed.ledgerMoved());
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.stop();
        }
    }
}
