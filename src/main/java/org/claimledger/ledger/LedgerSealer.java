package org.claimledger.ledger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.claimledger.common.db.PgListener;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Places written leaves in the tree moments after they commit: LISTENs on {@code claims_ledger}
 * (every new revision NOTIFYs it, V10) and seals at most once per {@code claims.ledger.seal-delay},
 * so that under load one seal places the leaves of many writes. Also seals once a second without a
 * notification, for whatever a lost notification or another instance left. Anything that reads the
 * tree seals first anyway ({@link LedgerService}); this keeps the tree, and the leaf indexes the
 * history shows, close behind the writes.
 */
@ApplicationScoped
class LedgerSealer {

    private static final Logger LOG = Logger.getLogger(LedgerSealer.class);
    private static final String CHANNEL = "claims_ledger";

    private final LedgerService ledger;
    private final Config config;
    private final Duration delay;
    private PgListener listener;
    private long lastSeal;
    private boolean warned;

    LedgerSealer(LedgerService ledger, Config config, LedgerConfig ledgerConfig) {
        this.ledger = ledger;
        this.config = config;
        this.delay = ledgerConfig.sealDelay();
    }

    void start(@Observes StartupEvent event) {
        listener = PgListener.start(config, CHANNEL, Duration.ofSeconds(1), this::wake);
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.stop();
        }
    }

    /** On the listener's thread: after notifications, or after a second without one. */
    private void wake(List<String> payloads) {
        long wait = lastSeal + delay.toMillis() - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        lastSeal = System.currentTimeMillis();
        try {
            ledger.seal();
            warned = false;
        } catch (RuntimeException e) {
            // the database is away or the service is stopping: the next wake tries again
            if (!warned) {
                LOG.warnf("could not seal the ledger's written leaves (%s); trying again", e.toString());
                warned = true;
            }
        }
    }
}
