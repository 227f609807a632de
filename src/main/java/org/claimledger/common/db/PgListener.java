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
 * is checked to be alive, so that a silently broken one is noticed within about two intervals.
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
                    warned = false;
                    handler.listening(true);
                }
                // returns at the first notification, or after the interval without one
                PGNotification[] arrived = connection.unwrap(PGConnection.class).getNotifications((int) interval.toMillis());
                if (arrived != null && arrived.length > 0) {
                    payloads = new ArrayList<>(arrived.length);
                    for (PGNotification n : arrived) {
                        payloads.add(n.getParameter());
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

    private Connection connect() throws SQLException {
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Optional<String> user = config.getOptionalValue("quarkus.datasource.username", String.class);
        Optional<String> password = config.getOptionalValue("quarkus.datasource.password", String.class);
        Connection connection = DriverManager.getConnection(url, user.orElse(null), password.orElse(null));
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
