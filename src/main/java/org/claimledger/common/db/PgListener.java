package org.claimledger.common.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A PostgreSQL {@code LISTEN} on one channel over a JDBC connection of its own (the pool's connections
 * go back to the pool, and a notification is delivered only to a session that listens), on a daemon
 * thread, reconnecting after failures. When no notification came for {@code interval}, the connection
 * is checked to be alive, so that a silently broken one is noticed within about two intervals. After
 * each {@code LISTEN}, a notification sent from another connection must arrive before the listener
 * says it is listening: through a pooler in transaction mode (PgBouncer), a LISTEN "succeeds" and
 * nothing ever arrives, and such a listener keeps saying it is not listening.
 */
public final class PgListener {

    /** What a listener is told; every method is called on the listener's own thread. */
    public interface Handler {

        /**
         * After each wait: the payloads of the notifications that arrived (empty when the interval
         * passed without one, or after a failure), in the order they were sent.
         */
        void wake(List<String> payloads);

        /**
         * Whether notifications reach this instance now: true once {@code LISTEN} is in effect (anything
         * sent before may have been missed), false when the connection failed.
         */
        default void listening(boolean listening) {
        }
    }

    private static final Logger LOG = Logger.getLogger(PgListener.class);
    private static final String CHECK = "pg-listener-check:";
    private static final int CHECK_WAIT_MILLIS = 5_000;

    private final Config config;
    private final String channel;
    private final Duration interval;
    private final Handler handler;
    private volatile boolean running;
    private Thread thread;

    private PgListener(Config config, String channel, Duration interval, Handler handler) {
        this.config = config;
        this.channel = channel;
        this.interval = interval;
        this.handler = handler;
    }

    /** Starts listening on {@code channel} (a plain identifier) with the service's datasource settings. */
    public static PgListener start(Config config, String channel, Duration interval, Handler handler) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        PgListener listener = new PgListener(config, channel, interval, handler);
        listener.running = true;
        listener.thread = new Thread(listener::run, "listen-" + channel);
        listener.thread.setDaemon(true);
        listener.thread.start();
        return listener;
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        Connection connection = null;
        boolean warned = false;
        while (running) {
            List<String> payloads = List.of();
            try {
                if (connection == null) {
                    connection = connect();
                    payloads = proveDelivery(connection);
                    warned = false;
                    handler.listening(true);
                }
                // returns at the first notification, or after the interval without one
                PGNotification[] arrived = connection.unwrap(PGConnection.class).getNotifications((int) interval.toMillis());
                if (arrived != null && arrived.length > 0) {
                    payloads = new ArrayList<>(payloads);
                    for (PGNotification n : arrived) {
                        if (!n.getParameter().startsWith(CHECK)) {
                            payloads.add(n.getParameter());
                        }
                    }
                } else if (!connection.isValid((int) Math.max(1, interval.toSeconds()))) {
                    throw new SQLException("the listening connection is no longer valid");
                }
            } catch (SQLException | RuntimeException e) {
                boolean wasListening = connection != null;
                close(connection);
                connection = null;
                if (wasListening) {
                    handler.listening(false);
                }
                if (!warned && running) {
                    LOG.warnf("not listening on %s (%s); trying again every %s", channel, e, interval);
                    warned = true;
                }
                sleep(interval);
            }
            if (running) {
                handler.wake(payloads);
            }
        }
        if (connection != null) {
            handler.listening(false);
        }
        close(connection);
    }

    /**
     * Sends a notification from another connection and waits for it here; answers what else arrived
     * meanwhile. Fails when it does not arrive.
     */
    private List<String> proveDelivery(Connection listening) throws SQLException {
        String token = CHECK + java.util.UUID.randomUUID();
        try (Connection other = open("quarkus.datasource.jdbc.url"); var notify = other.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, token);
            notify.execute();
        }
        List<String> others = new ArrayList<>();
        long deadline = System.nanoTime() + CHECK_WAIT_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            PGNotification[] arrived = listening.unwrap(PGConnection.class).getNotifications(
                    (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            boolean seen = false;
            for (PGNotification n : arrived == null ? new PGNotification[0] : arrived) {
                if (n.getParameter().equals(token)) {
                    seen = true;
                } else if (!n.getParameter().startsWith(CHECK)) {
                    others.add(n.getParameter());
                }
            }
            if (seen) {
                return others;
            }
        }
        close(listening);
        throw new SQLException("a notification sent on " + channel + " did not arrive within " + CHECK_WAIT_MILLIS
                + " ms (is the connection going through a pooler in transaction mode?)");
    }

    /** A connection of its own to the url in this setting, else to the datasource's. */
    private Connection open(String urlSetting) throws SQLException {
        String url = config.getOptionalValue(urlSetting, String.class)
                .orElseGet(() -> config.getValue("quarkus.datasource.jdbc.url", String.class));
        Optional<String> user = config.getOptionalValue("quarkus.datasource.username", String.class);
        Optional<String> password = config.getOptionalValue("quarkus.datasource.password", String.class);
        return DriverManager.getConnection(url, user.orElse(null), password.orElse(null));
    }

    private Connection connect() throws SQLException {
        // past a pooler in transaction mode, LISTEN needs a url straight to PostgreSQL
        Connection connection = open("claims.listen.jdbc-url");
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + channel);
        } catch (SQLException e) {
            close(connection);
            throw e;
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
