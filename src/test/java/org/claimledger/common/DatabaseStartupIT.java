package org.claimledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged service as a user would, with `java -jar`: on the embedded PostgreSQL by
 * default (whose data survives a restart), and on an external PostgreSQL when
 * QUARKUS_DATASOURCE_JDBC_URL is set (when no embedded server may start).
 */
class DatabaseStartupIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String KEY = "cl_integration-test-admin-key-0123456789";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path temp;

    @Test
    void shouldStartOnTheEmbeddedDatabaseAndKeepItsDataAcrossRestarts() throws Exception {
        Path dataDir = temp.resolve("pg-data");
        int port = freePort();
        Map<String, String> env = Map.of("CLAIMS_EMBEDDED_DATA_DIR", dataDir.toString(), "QUARKUS_HTTP_PORT", "" + port,
                "CLAIMS_BOOTSTRAP_ADMIN_KEY", KEY);

        String url = "https://globalnews.ca/news/" + UUID.randomUUID();
        String id;
        try (var service = Service.start(env, temp.resolve("first.log"), port, http)) {
            assertThat(service.log()).contains("Database: embedded PostgreSQL 17").contains(dataDir.toString());
            var created = service.post("/api/v1/articles", "{\"url\": \"" + url + "\", \"title\": \"ISIS-K\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            id = created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (var service = Service.start(env, temp.resolve("second.log"), port, http)) {
            var read = service.get("/api/v1/articles/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains(url);
        }
    }

    @Test
    void shouldUseAnExternalDatabaseWithoutStartingTheEmbeddedOne() throws Exception {
        Path unused = temp.resolve("must-not-exist");
        int port = freePort();
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start()) {
            String jdbc = external.getJdbcUrl("postgres", "postgres");
            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", jdbc,
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                    "CLAIMS_EMBEDDED_DATA_DIR", unused.toString(),
                    "CLAIMS_BOOTSTRAP_ADMIN_KEY", KEY,
                    "QUARKUS_HTTP_PORT", "" + port);
            String url = "https://globalnews.ca/news/" + UUID.randomUUID();
            try (var service = Service.start(env, temp.resolve("external.log"), port, http)) {
                assertThat(service.log()).contains("Database: external PostgreSQL").doesNotContain("Database: embedded");
                assertThat(service.post("/api/v1/articles", "{\"url\": \"" + url + "\"}").statusCode()).isEqualTo(201);
            }
            assertThat(unused).doesNotExist();
            try (var c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                    var rs = c.createStatement().executeQuery("select url from article")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(url);
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The service jar in a child process, stopped with SIGTERM. */
    record Service(Process process, Path logFile, int port, HttpClient http) implements AutoCloseable {

        static Service start(Map<String, String> env, Path logFile, int port, HttpClient http) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                    JAR.toAbsolutePath().toString()));
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("CLAIMS_"));
            builder.environment().putAll(env);
            var service = new Service(builder.start(), logFile, port, http);
            service.awaitReady();
            return service;
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("service exited early:\n" + log());
                }
                try {
                    if (get("/q/health/ready").statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("service not ready in 90 s:\n" + log());
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", "Bearer " + KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("service did not stop within 60 s of SIGTERM:\n" + log());
            }
        }
    }
}
