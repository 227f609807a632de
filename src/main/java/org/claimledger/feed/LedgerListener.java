package org.claimledger.feed;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Wakes the feed when another transaction (on any instance) commits a revision: LISTENs on
 * {@code claims_ledger} (a trigger on revision NOTIFYs it) over a connection of its own, on a daemon
 * thread, reconnecting after failures. A wake-up only: the ledger is the truth, and the feed also
 * looks at it every {@code claims.feed.poll-interval}, so a lost notification delays and never drops.
 */
@ApplicationScoped
class LedgerListener {

    static final String CHANNEL = "claims_ledger";
    private static final Logger LOG = Logger.getLogger(LedgerListener.class);

    private final FeedService feed;
    private final Config config;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread thread;

    LedgerListener(FeedService feed, Config config, FeedConfig feedConfig) {
        this.feed = feed;
        this.config = config;
        this.pollInterval = feedConfig.pollInterval();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "feed-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        Connection connection = null;
        boolean warned = false;
        while (running) {
            try {
                if (connection == null) {
                    connection = connect();
                    warned = false;
                }
                // returns at the first notification, or after the poll interval without one
                connection.unwrap(PGConnection.class).getNotifications((int) pollInterval.toMillis());
            } catch (SQLException | RuntimeException e) {
                if (!warned && running) {
                    LOG.warnf("feed: not listening for new revisions (%s); polling the ledger until it works again", e);
                    warned = true;
                }
                close(connection);
                connection = null;
                sleep(pollInterval);
            }
            if (running) {
                feed.ledgerMoved();
            }
        }
        close(connection);
    }

    private Connection connect() throws SQLException {
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Optional<String> user = config.getOptionalValue("quarkus.datasource.username", String.class);
        Optional<String> password = config.getOptionalValue("quarkus.datasource.password", String.class);
        Connection connection = DriverManager.getConnection(url, user.orElse(null), password.orElse(null));
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        return connection;
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // gone already
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
