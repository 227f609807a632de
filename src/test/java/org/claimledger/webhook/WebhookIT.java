package org.claimledger.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.OVER_SEVENTY_KILLED_JSON;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.claimledger.support.ServiceProcess;
import org.claimledger.support.SharedDatabase;
import org.claimledger.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service killed (SIGKILL) in the middle of a delivery loses nothing. */
class WebhookIT {


    @TempDir
    static Path temp;

    private static SharedDatabase database;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        database = SharedDatabase.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private static ServiceProcess service(String name) throws Exception {
        int port = ServiceProcess.freePort();
        return ServiceProcess.start(database.env(port, Map.of("CLAIMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
                "CLAIMS_WEBHOOKS_LEASE", "5S", "CLAIMS_WEBHOOKS_RETRY_INITIAL", "1S",
                // the subscription takes every event; this test counts the entries' (checkpoints: WebhookTest)
                "CLAIMS_LEDGER_CHECKPOINT_INTERVAL", "1h")), temp.resolve(name + ".log"), port, HTTP);
    }

    /** The webhook-id of every history entry, in ledger order (the subscription came before any change). */
    private static List<String> messageIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (var c = database.connect();
                var rs = c.createStatement().executeQuery("select rev, entity_id from history_entry order by rev, id")) {
            while (rs.next()) {
                ids.add("msg_" + rs.getLong(1) + "_" + rs.getObject(2));
            }
        }
        return ids;
    }

    @Test
    void shouldLoseNothingWhenTheServiceIsKilledMidDelivery() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ServiceProcess first = service("first");
            assertThat(first.post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\"}").statusCode())
                    .isEqualTo(201);
            CountDownLatch release = new CountDownLatch(1);
            receiver.answer(204);
            for (int i = 0; i < 3; i++) {
                assertThat(first.post("/api/v1/claims", OVER_SEVENTY_KILLED_JSON).statusCode()).isEqualTo(201);
            }
            receiver.await(r -> r.size() >= 3, Duration.ofSeconds(30));
            receiver.hangNext(release);
            for (int i = 0; i < 3; i++) {
                assertThat(first.post("/api/v1/claims", OVER_SEVENTY_KILLED_JSON).statusCode()).isEqualTo(201);
            }
            var hung = receiver.await(r -> r.size() >= 4, Duration.ofSeconds(30)).get(3);
            first.kill(); // mid-delivery: the request is on the wire, its answer never comes
            release.countDown();

            ServiceProcess second = service("second");
            try {
                List<String> expected = messageIds();
                assertThat(expected).hasSize(6);
                var got = receiver.await(r -> r.stream().map(WebhookReceiver.Request::id).distinct().count() >= 6
                        && r.get(r.size() - 1).id().equals(expected.get(5)), Duration.ofSeconds(60));
                assertThat(got.stream().map(WebhookReceiver.Request::id).distinct().toList())
                        .containsExactlyElementsOf(expected);
                assertThat(got.stream().filter(r -> r.id().equals(hung.id())).count())
                        .as("the interrupted delivery is sent again with the same webhook-id").isGreaterThanOrEqualTo(2);
                assertThat(got.stream().filter(r -> r.id().equals(hung.id())).map(WebhookReceiver.Request::body)
                        .distinct().count()).isEqualTo(1);
            } finally {
                second.close();
            }
        }
    }
}
