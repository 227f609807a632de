package org.claimledger.common.db;

import io.quarkus.runtime.ShutdownEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL 17 (real binaries, not an imitation) that the service runs on when no
 * datasource is configured. Its data directory survives restarts. It is stopped only after the
 * application has shut down, so requests in flight at SIGTERM still reach it.
 */
@Singleton
public class EmbeddedDatabase {

    public static final String DATA_DIR_PROPERTY = "claims.embedded.data-dir";
    public static final String DATA_DIR_ENV = "CLAIMS_EMBEDDED_DATA_DIR";
    public static final String PORT_PROPERTY = "claims.embedded.port";
    public static final String PORT_ENV = "CLAIMS_EMBEDDED_PORT";
    /** Set when the embedded server runs, so that the startup log can say which database is in use. */
    public static final String ACTIVE_PROPERTY = "claims.embedded.active-data-dir";

    private static final CountDownLatch APPLICATION_STOPPED = new CountDownLatch(1);

    /** Starts the embedded server unless a JDBC url is configured; sets the datasource properties. */
    public static void startUnlessConfigured() {
        if (setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return;
        }
        String dir = setting(DATA_DIR_PROPERTY, DATA_DIR_ENV);
        Path dataDir = Path.of(dir == null || dir.isBlank() ? "data/postgres" : dir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1");
            String port = setting(PORT_PROPERTY, PORT_ENV);
            if (port != null && !port.isBlank()) {
                builder.setPort(Integer.parseInt(port.trim()));
            }
            EmbeddedPostgres postgres = builder.start();
            System.setProperty("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "postgres");
            System.setProperty(ACTIVE_PROPERTY, dataDir.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "embedded-postgres-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            APPLICATION_STOPPED.await(60, TimeUnit.SECONDS);
            postgres.close();
        } catch (IOException | InterruptedException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
        }
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        APPLICATION_STOPPED.countDown();
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }
}
