package org.claimledger.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.OVER_SEVENTY_KILLED_JSON;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.claimledger.support.ServiceProcess;
import org.claimledger.support.TwoInstances;
import org.claimledger.support.SseClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two packaged instances over one PostgreSQL: a subscriber of instance B sees every change written
 * through A or B exactly once, in ledger order, and resumes from the middle without gap or duplicate.
 */
class FeedIT {

    private static final String SOURCE = "{\"url\": \"https://www.defense.gov/News/Transcripts/kabul\", \"title\":"
            + " \"Pentagon briefing\", \"kind\": \"OFFICIAL\", \"stance\": \"SUPPORTS\"}";

    // this test follows the entries; checkpoint events are FeedTest's (stored every second there)
    @RegisterExtension
    static final TwoInstances INSTANCES = new TwoInstances(Map.of("CLAIMS_LEDGER_CHECKPOINT_INTERVAL", "1h"));

    private static String id(String body) {
        return body.replaceAll(".*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    /** Every history entry's revision, in ledger order. */
    private static List<String> ledger() throws Exception {
        List<String> revisions = new ArrayList<>();
        try (var c = INSTANCES.connect();
                var rs = c.createStatement().executeQuery("select rev from history_entry order by rev, id")) {
            while (rs.next()) {
                revisions.add(Long.toString(rs.getLong(1)));
            }
        }
        return revisions;
    }

    @Test
    void shouldStreamEveryRevisionWrittenThroughEitherInstanceOnceAndInOrder() throws Exception {
        ServiceProcess a = INSTANCES.a();
        ServiceProcess b = INSTANCES.b();
        try (SseClient feed = SseClient.open("http://127.0.0.1:" + b.port(), "/api/v1/feed?after=0", ServiceProcess.KEY,
                Map.of())) {
            assertThat(feed.status()).isEqualTo(200);
            List<String> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                claims.add(id((i % 2 == 0 ? a : b).post("/api/v1/claims", OVER_SEVENTY_KILLED_JSON).body()));
            }
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                done.add(writers.submit(() -> {
                    ServiceProcess via = n % 2 == 0 ? a : b;
                    String claim = claims.get(n % claims.size());
                    return switch (n % 4) {
                        case 0 -> via.post("/api/v1/claims", OVER_SEVENTY_KILLED_JSON).statusCode();
                        case 1 -> via.send("PATCH", "/api/v1/claims/" + claim, "{\"claimant\": \"Reuters " + n + "\"}",
                                Map.of("If-Match", "*")).statusCode();
                        case 2 -> via.post("/api/v1/claims/" + claim + "/sources", SOURCE).statusCode();
                        default -> via.post("/api/v1/articles", "{\"url\": \"https://globalnews.ca/news/" + n
                                + "-" + System.nanoTime() + "/\", \"title\": \"Kabul\"}").statusCode();
                    };
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get(120, TimeUnit.SECONDS)).isBetween(200, 201);
            }
            writers.shutdown();

            List<String> expected = ledger();
            assertThat(expected).hasSize(204);
            List<SseClient.Event> events = feed.take(expected.size(), Duration.ofSeconds(60));
            assertThat(events).extracting(SseClient.Event::id).containsExactlyElementsOf(expected);
            assertThat(feed.next(Duration.ofSeconds(2))).as("nothing twice").isNull();
            assertThat(events).extracting(SseClient.Event::name).contains("claim.created", "claim.updated",
                    "claim.source_added", "article.created");

            // resume from the middle on the other instance, as a dashboard does after a reconnect
            String middle = expected.get(101);
            List<String> rest = expected.subList(expected.lastIndexOf(middle) + 1, expected.size());
            try (SseClient resumed = SseClient.open("http://127.0.0.1:" + a.port(), "/api/v1/feed", ServiceProcess.KEY,
                    Map.of("Last-Event-ID", middle))) {
                assertThat(resumed.take(rest.size(), Duration.ofSeconds(30))).extracting(SseClient.Event::id)
                        .containsExactlyElementsOf(rest);
                assertThat(resumed.next(Duration.ofSeconds(1))).isNull();

                // live across instances: a write through A reaches B's subscriber
                String claim = id(a.post("/api/v1/claims", OVER_SEVENTY_KILLED_JSON).body());
                SseClient.Event live = feed.next(Duration.ofSeconds(10));
                assertThat(live).isNotNull();
                assertThat(live.data()).contains(claim, "claim.created");
                assertThat(resumed.next(Duration.ofSeconds(10)).data()).contains(claim);
            }
        }
    }
}
