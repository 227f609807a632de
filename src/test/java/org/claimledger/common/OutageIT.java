package org.claimledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under load and comes back: the service answers 503 problems quickly
 * instead of hanging or failing with 500, reports not-ready while staying alive, heals without a
 * restart, and every write it acknowledged is in the database afterwards.
 */
class OutageIT {

    @TempDir
    Path temp;

    private EmbeddedPostgres startPostgres(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @Test
    void shouldDegradeToServiceUnavailableAndHealWithoutLosingAcknowledgedWrites() throws Exception {
        Path dir = temp.resolve("pg");
        int pgPort = ServiceProcess.freePort();
        EmbeddedPostgres postgres = startPostgres(dir, pgPort);
        String jdbc = postgres.getJdbcUrl("postgres", "postgres");
        int port = ServiceProcess.freePort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> acknowledged = new ArrayList<>();
        try (var service = ServiceProcess.start(Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbc,
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "CLAIMS_BOOTSTRAP_ADMIN_KEY", ServiceProcess.KEY, "QUARKUS_HTTP_PORT", Integer.toString(port)),
                temp.resolve("service.log"), port, http)) {
            for (int i = 0; i < 20; i++) {
                acknowledged.add(create(service, i));
            }

            postgres.close();
            long worst = 0;
            int unavailable = 0;
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = service.send("POST", "/api/v1/claims", claim(100 + i),
                        Map.of());
                long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
                worst = Math.max(worst, took);
                assertThat(response.statusCode()).as("during the outage: " + response.body()).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                unavailable++;
                HttpResponse<String> read = service.get("/api/v1/claims?limit=1");
                assertThat(read.statusCode()).as("read during the outage: " + read.body()).isEqualTo(503);
            }
            assertThat(unavailable).isEqualTo(10);
            assertThat(worst).as("slowest answer during the outage, ms").isLessThan(2_500);
            assertThat(service.get("/q/health/ready").statusCode()).isEqualTo(503);
            assertThat(service.get("/q/health/live").statusCode()).isEqualTo(200);

            postgres = startPostgres(dir, pgPort);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (service.get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(service.get("/q/health/ready").statusCode()).as("ready again").isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                acknowledged.add(create(service, 200 + i));
            }
        } finally {
            try (var c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                    var s = c.prepareStatement("select count(*) from claim where id = any(?)")) {
                s.setArray(1, c.createArrayOf("uuid", acknowledged.stream().map(UUID::fromString).toArray()));
                try (var rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("acknowledged writes present").isEqualTo(acknowledged.size());
                }
            }
            postgres.close();
        }
    }

    private static String claim(int i) {
        return "{\"statement\": \"Claim " + i + ": two explosions killed over 70 people\", \"type\": \"CASUALTY_COUNT\","
                + " \"quantity\": {\"measure\": \"KILLED\", \"qualifier\": \"MORE_THAN\", \"value\": 70}}";
    }

    private static String create(ServiceProcess service, int i) throws Exception {
        HttpResponse<String> response = service.post("/api/v1/claims", claim(i));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }
}
