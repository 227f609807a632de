package org.claimledger.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded PostgreSQL of its own for tests of the migrations themselves: each database starts
 * empty and is migrated by Flyway, from the service's own migrations, to the version the test asks
 * for. A test class registers one ({@code @RegisterExtension static final}); it starts on loopback
 * before the class's tests and stops after them.
 */
public final class MigrationDatabases implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private final AtomicInteger databases = new AtomicInteger();
    private EmbeddedPostgres postgres;

    /** Databases it creates are named {@code prefix_N}. */
    public MigrationDatabases(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    /** A new, empty database: its JDBC URL. */
    public String newDatabase() throws SQLException {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection c = connect(postgres.getJdbcUrl("postgres", "postgres")); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** Flyway over the service's migrations, up to {@code target} ("latest" or a version). */
    public static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration")
                .target(target).load();
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    /** The first column of the first row of a query, as a number. */
    public static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
