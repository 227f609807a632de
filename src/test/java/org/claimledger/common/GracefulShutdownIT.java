package org.claimledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.claimledger.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a long request is in flight: the instance finishes it (quarkus.shutdown.timeout)
 * before it stops, so a rolling restart under load loses no answer.
 */
class GracefulShutdownIT {

    @TempDir
    Path temp;

    @Test
    void shouldFinishARequestInFlightWhenTerminated() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start()) {
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            int port = ServiceProcess.freePort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            var service = ServiceProcess.start(Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbc,
                    "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                    "CLAIMS_BOOTSTRAP_ADMIN_KEY", ServiceProcess.KEY, "QUARKUS_HTTP_PORT", Integer.toString(port)),
                    temp.resolve("service.log"), port, http);
            try (var c = DriverManager.getConnection(jdbc, "postgres", "postgres"); var s = c.createStatement()) {
                s.execute("insert into claim (id, statement, type, tags, status, created_at, updated_at, version)"
                        + " select gen_random_uuid(), 'Claim ' || g || ' of a long export', 'OTHER', array['bulk'],"
                        + " 'UNVERIFIED', now() - g * interval '1 millisecond', now(), 0 from generate_series(1, 60000) g");
            }
            HttpRequest export = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/claims?tag=bulk"))
                    .header("Authorization", "Bearer " + ServiceProcess.KEY).header("Accept", "text/csv")
                    .timeout(Duration.ofSeconds(60)).GET().build();
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(export, HttpResponse.BodyHandlers.ofString());
            Thread.sleep(150);
            assertThat(inFlight).as("the export is still running when SIGTERM arrives").isNotDone();
            service.process().destroy();

            HttpResponse<String> response = inFlight.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body().split("\r\n")).hasSize(60_001);
            service.close();
            assertThat(service.log()).contains("stopped");
        }
    }
}
