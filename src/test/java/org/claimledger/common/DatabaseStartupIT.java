package org.claimledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged service as a user would, with `java -jar`: on the embedded PostgreSQL by
 * default (whose data survives a restart), and on an external PostgreSQL when
 * QUARKUS_DATASOURCE_JDBC_URL is set (when no embedded server may start).
 */
class DatabaseStartupIT {

    private static final String KEY = ServiceProcess.KEY;
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
        try (var service = ServiceProcess.start(env, temp.resolve("first.log"), port, http)) {
            assertThat(service.log()).contains("Database: embedded PostgreSQL 17").contains(dataDir.toString())
                    .contains("Successfully applied");
            var created = service.post("/api/v1/articles", "{\"url\": \"" + url + "\", \"title\": \"ISIS-K\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            id = created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (var service = ServiceProcess.start(env, temp.resolve("second.log"), port, http)) {
            // the database holds this build's migrations: the restart checks that without starting Flyway
            assertThat(service.log()).doesNotContain("org.fly");
            var read = service.get("/api/v1/articles/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains(url);
        }
    }

    @Test
    void shouldRunTheEmbeddedDatabaseDurablyAndRefuseASecondInstanceOnItsDataInOneLine() throws Exception {
        Path dataDir = temp.resolve("durable");
        int port = freePort();
        Map<String, String> env = Map.of("CLAIMS_EMBEDDED_DATA_DIR", dataDir.toString(), "QUARKUS_HTTP_PORT", "" + port,
                "CLAIMS_BOOTSTRAP_ADMIN_KEY", KEY);
        try (var service = ServiceProcess.start(env, temp.resolve("durable.log"), port, http)) {
            String log = service.log();
            assertThat(log).contains("Created the embedded database in " + dataDir)
                    .doesNotContain("initdb").doesNotContain("postmaster").doesNotContain("\u001b[");
            Matcher jdbc = Pattern.compile("(jdbc:postgresql://localhost:\\d+/postgres)").matcher(log);
            assertThat(jdbc.find()).as(log).isTrue();
            try (var c = DriverManager.getConnection(jdbc.group(1), "postgres", "postgres");
                    var s = c.createStatement()) {
                assertThat(setting(s, "fsync")).isEqualTo("on");
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(s, "full_page_writes")).isEqualTo("on");
            }

            Path secondLog = temp.resolve("second-instance.log");
            var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(secondLog.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("CLAIMS_"));
            builder.environment().putAll(Map.of("CLAIMS_EMBEDDED_DATA_DIR", dataDir.toString(),
                    "QUARKUS_HTTP_PORT", "" + freePort(), "QUARKUS_MANAGEMENT_PORT", "" + freePort()));
            Process second = builder.start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second instance gives up").isTrue();
            assertThat(second.exitValue()).isNotZero();
            List<String> lines = Files.readAllLines(secondLog);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("another instance already uses data directory " + dataDir);
            assertThat(service.get("/q/health/ready").statusCode()).as("the first instance runs on").isEqualTo(200);
        }
    }

    private static String setting(java.sql.Statement s, String name) throws java.sql.SQLException {
        try (var rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
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
            try (var service = ServiceProcess.start(env, temp.resolve("external.log"), port, http)) {
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
        return ServiceProcess.freePort();
    }
}
