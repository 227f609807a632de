package org.claimledger.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two instances of the packaged service on two loopback ports over one PostgreSQL, as a scaled-out
 * deployment runs, started before a test class and stopped after it:
 * {@code @RegisterExtension static final TwoInstances INSTANCES = new TwoInstances(Map.of(...settings));}
 */
public final class TwoInstances implements BeforeAllCallback, AfterAllCallback {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> settings;
    private Path logs;
    private SharedDatabase database;
    private ServiceProcess a;
    private ServiceProcess b;

    /** With these settings (environment variables) on top of what both need for the database. */
    public TwoInstances(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        logs = Files.createTempDirectory("claim-ledger-instances");
        database = SharedDatabase.start();
        int portA = ServiceProcess.freePort();
        a = ServiceProcess.start(database.env(portA, settings), logs.resolve("a.log"), portA, HTTP);
        int portB = ServiceProcess.freePort();
        b = ServiceProcess.start(database.env(portB, settings), logs.resolve("b.log"), portB, HTTP);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {a, b, database}) {
            if (c != null) {
                c.close();
            }
        }
        if (logs != null) {
            try (Stream<Path> files = Files.walk(logs)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // a log left in the temporary folder harms nothing
            }
        }
    }

    public ServiceProcess a() {
        return a;
    }

    public ServiceProcess b() {
        return b;
    }

    /** A connection to the shared database, to assert what both instances stored. */
    public Connection connect() throws SQLException {
        return database.connect();
    }
}
