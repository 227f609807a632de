package org.claimledger.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * An embedded PostgreSQL on loopback for integration tests that start the packaged service as
 * processes (one or several instances over this one database).
 */
public final class SharedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String jdbc;

    private SharedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbc = postgres.getJdbcUrl("postgres", "postgres");
    }

    public static SharedDatabase start() throws IOException {
        return new SharedDatabase(EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start());
    }

    /** What an instance listening on {@code port} needs to use this database, plus the given settings. */
    public Map<String, String> env(int port, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbc,
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "CLAIMS_BOOTSTRAP_ADMIN_KEY", ServiceProcess.KEY, "QUARKUS_HTTP_PORT", Integer.toString(port)));
        env.putAll(more);
        return env;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc, "postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
