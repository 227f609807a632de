package org.claimledger.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createArticle;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.ledger.Checkpoint;
import org.claimledger.ledger.SignedNote;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.claimledger.support.SseClient;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    static SseClient follow(String query) throws Exception {
        return follow(query, ADMIN_KEY, Map.of());
    }

    static SseClient follow(String query, String key, Map<String, String> headers) throws Exception {
        return SseClient.open("http://localhost:" + RestAssured.port, "/api/v1/feed" + query, key, headers);
    }

    static long head() {
        return ((Number) Db.value("select coalesce(max(rev), 0) from history_entry")).longValue();
    }

    static void move(String claim, String status, String explanation) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", status);
        if (explanation != null) {
            body.put("explanation", explanation);
        }
        given().contentType(ContentType.JSON).body(body).header("X-Change-Reason", "Pentagon confirmed")
                .header("If-Match", Fixtures.etagOf("/api/v1/claims/" + claim))
                .when().post("/api/v1/claims/{id}/status", claim).then().statusCode(200);
    }

    private static JsonNode data(SseClient.Event event) throws Exception {
        return JSON.readTree(event.data());
    }

    @Test
    void shouldStreamEachChangeOnceInLedgerOrderNamedForWhatChanged() throws Exception {
        try (SseClient feed = follow("")) {
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            String claim = createClaim(overSeventyKilled());
            Fixtures.create("/api/v1/claims/" + claim + "/sources", pentagonBriefing("SUPPORTS"));
            String doubtful = Fixtures.create("/api/v1/claims/" + claim + "/sources", pentagonBriefing("REFUTES")).path("id");
            given().header("If-Match", Fixtures.etagOf("/api/v1/claims/" + claim + "/sources/" + doubtful))
                    .delete("/api/v1/claims/{c}/sources/{s}", claim, doubtful).then().statusCode(204);
            move(claim, "IN_REVIEW", null);
            move(claim, "VERIFIED", "The Pentagon confirmed the toll.");
            String article = createArticle();
            given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                    .put("/api/v1/claims/{c}/articles/{a}", claim, article).then().statusCode(201);

            List<SseClient.Event> events = feed.take(8, WAIT, e -> !e.name().equals("ledger.checkpoint"));
            assertThat(events).extracting(SseClient.Event::name).containsExactly("claim.created",
                    "claim.source_added", "claim.source_added", "claim.source_removed", "claim.status_changed",
                    "claim.status_changed", "article.created", "claim.article_linked");
            List<String> ledger = Db.rows("select rev from history_entry where rev >= ? order by rev, id",
                    Long.parseLong(events.get(0).id())).stream().map(r -> r.get("rev").toString()).limit(8).toList();
            assertThat(events).extracting(SseClient.Event::id).containsExactlyElementsOf(ledger);

            JsonNode verdict = data(events.get(5));
            assertThat(verdict.path("revision").asLong()).isEqualTo(Long.parseLong(events.get(5).id()));
            assertThat(verdict.path("event").asText()).isEqualTo("claim.status_changed");
            assertThat(verdict.path("entityType").asText()).isEqualTo("CLAIM");
            assertThat(verdict.path("entityId").asText()).isEqualTo(claim);
            assertThat(verdict.path("actor").asText()).isEqualTo("bootstrap-admin");
            assertThat(verdict.path("reason").asText()).isEqualTo("Pentagon confirmed");
            assertThat(verdict.path("timestamp").asText()).endsWith("Z");
            assertThat(verdict.path("status").path("from").asText()).isEqualTo("IN_REVIEW");
            assertThat(verdict.path("status").path("to").asText()).isEqualTo("VERIFIED");
            assertThat(verdict.path("changedFields").toString()).contains("\"status\"", "\"explanation\"");
            assertThat(verdict.path("href").asText()).isEqualTo("/api/v1/claims/" + claim);
            assertThat(verdict.has("snapshot")).isFalse();
            assertThat(data(events.get(1)).has("status")).isFalse();
            assertThat(data(events.get(6)).path("href").asText()).isEqualTo("/api/v1/articles/" + article);
        }
    }

    @Test
    void shouldAnnounceEachStoredCheckpointInItsPlaceWithTheSignedNote() throws Exception {
        var key = SignedNote.Verifier.parse(given().get("/api/v1/ledger/key").then().statusCode(200).extract().asString());
        try (SseClient feed = follow("");
                SseClient claimOnly = follow("?entityType=CLAIM")) {
            String claim = createClaim(overSeventyKilled());
            long size = Db.count("select size from ledger_head");
            // checkpoints are stored every second in tests; the first one to sign the new claim's leaf
            SseClient.Event created = feed.take(1, WAIT, e -> e.name().equals("claim.created")).get(0);
            SseClient.Event announced = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (announced == null && System.nanoTime() < deadline) {
                SseClient.Event e = feed.next(Duration.ofSeconds(2));
                if (e != null && e.name().equals("ledger.checkpoint") && data(e).path("treeSize").asLong() >= size) {
                    announced = e;
                }
            }
            assertThat(announced).as("a ledger.checkpoint event for a tree that holds the new claim").isNotNull();
            assertThat(Long.parseLong(announced.id())).isGreaterThan(Long.parseLong(created.id()));

            JsonNode data = data(announced);
            var stored = Db.rows("select tree_size, root_hash, note from ledger_checkpoint where revision = ?",
                    Long.parseLong(announced.id()));
            assertThat(stored).hasSize(1);
            assertThat(data.path("revision").asText()).isEqualTo(announced.id());
            assertThat(data.path("event").asText()).isEqualTo("ledger.checkpoint");
            assertThat(data.path("treeSize").asLong()).isEqualTo(stored.get(0).get("tree_size"));
            assertThat(Base64.getDecoder().decode(data.path("rootHash").asText()))
                    .isEqualTo((byte[]) stored.get(0).get("root_hash"));
            assertThat(data.path("checkpoint").asText()).isEqualTo(stored.get(0).get("note"));
            var signed = Checkpoint.parse(key.open(data.path("checkpoint").asText()));
            assertThat(signed.size()).isEqualTo(data.path("treeSize").asLong());
            assertThat(data.path("href").asText()).isEqualTo("/api/v1/ledger/checkpoint");
            assertThat(data.has("entityId")).isFalse();
            assertThat(data.has("changedFields")).isFalse();

            // it is replayed in its place on resuming, and only to streams that follow the whole ledger
            String id = announced.id();
            try (SseClient replay = follow("?event=ledger.checkpoint&after=" + created.id())) {
                SseClient.Event again = replay.take(1, WAIT, e -> e.id().equals(id)).get(0);
                assertThat(again.data()).isEqualTo(data.toString());
            }
            createClaim(overSeventyKilled());
            List<SseClient.Event> claims = claimOnly.take(2, WAIT);
            assertThat(claims).extracting(SseClient.Event::name).containsOnly("claim.created");
        }
    }

    @Test
    void shouldResumeAfterLastEventIdWithoutGapOrDuplicate() throws Exception {
        long before = head();
        String claim = createClaim(overSeventyKilled());
        for (int i = 0; i < 9; i++) {
            given().contentType("application/merge-patch+json").header("If-Match", Fixtures.etagOf("/api/v1/claims/" + claim))
                    .body(Map.of("quantity", Map.of("value", 71 + i))).patch("/api/v1/claims/{id}", claim)
                    .then().statusCode(200);
        }
        List<String> revisions = Db.rows("select rev from history_entry where rev > ? and entity_id = ? order by rev",
                before, UUID.fromString(claim)).stream().map(r -> r.get("rev").toString()).toList();
        assertThat(revisions).hasSize(10);

        try (SseClient feed = follow("?claimId=" + claim, ADMIN_KEY, Map.of("Last-Event-ID", revisions.get(4)))) {
            List<SseClient.Event> events = feed.take(5, WAIT);
            assertThat(events).extracting(SseClient.Event::id).containsExactlyElementsOf(revisions.subList(5, 10));
            assertThat(events).extracting(SseClient.Event::name).containsOnly("claim.updated");
            given().contentType("application/merge-patch+json").header("If-Match", Fixtures.etagOf("/api/v1/claims/" + claim))
                    .body(Map.of("claimant", "Reuters")).patch("/api/v1/claims/{id}", claim).then().statusCode(200);
            SseClient.Event live = feed.next(WAIT);
            assertThat(live).isNotNull();
            assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(revisions.get(9)));
            assertThat(feed.next(Duration.ofMillis(1500))).isNull();
        }
        try (SseClient feed = follow("?claimId=" + claim + "&after=" + revisions.get(7))) {
            assertThat(feed.take(3, WAIT)).extracting(SseClient.Event::id)
                    .startsWith(revisions.get(8), revisions.get(9));
        }
    }

    @Test
    void shouldFilterByEntityTypeClaimArticleAndEvent() throws Exception {
        long after = head();
        String claim = createClaim(overSeventyKilled());
        String other = createClaim(overSeventyKilled());
        String article = createArticle();
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .put("/api/v1/claims/{c}/articles/{a}", claim, article).then().statusCode(201);
        move(claim, "IN_REVIEW", null);
        move(other, "IN_REVIEW", null);

        try (SseClient articles = follow("?after=" + after + "&entityType=ARTICLE");
                SseClient one = follow("?after=" + after + "&claimId=" + claim);
                SseClient linked = follow("?after=" + after + "&articleId=" + article);
                SseClient moves = follow("?after=" + after + "&event=claim.status_changed&event=claim.created")) {
            assertThat(articles.take(1, WAIT).get(0).name()).isEqualTo("article.created");
            assertThat(one.take(3, WAIT)).extracting(SseClient.Event::name)
                    .containsExactly("claim.created", "claim.article_linked", "claim.status_changed");
            assertThat(linked.take(2, WAIT)).extracting(SseClient.Event::name)
                    .containsExactly("article.created", "claim.article_linked");
            assertThat(moves.take(4, WAIT)).extracting(SseClient.Event::name).containsExactly("claim.created",
                    "claim.created", "claim.status_changed", "claim.status_changed");
            for (SseClient feed : List.of(articles, one, linked, moves)) {
                assertThat(feed.next(Duration.ofMillis(300))).isNull();
            }
        }
    }

    @Test
    void shouldRefuseBadParametersAsProblems() throws Exception {
        for (String query : List.of("?after=-1", "?after=abc", "?entityType=SOURCE", "?claimId=42", "?event=claim.exploded")) {
            try (SseClient feed = follow(query)) {
                assertThat(feed.status()).as(query).isEqualTo(400);
                assertThat(feed.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(feed.body()).contains("invalid-parameter");
            }
        }
        try (SseClient feed = follow("", ADMIN_KEY, Map.of("Last-Event-ID", "x"))) {
            assertThat(feed.status()).isEqualTo(400);
        }
    }

    @Test
    void shouldLetReadersFollowAndRefuseAnonymousCallers() throws Exception {
        String reader = given().contentType(ContentType.JSON).body(Map.of("name", "dashboard-" + UUID.randomUUID(),
                "role", "READER")).post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
        try (SseClient anonymous = follow("", null, Map.of())) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body()).contains("unauthorized");
        }
        try (SseClient feed = follow("", reader, Map.of())) {
            assertThat(feed.status()).isEqualTo(200);
            createClaim(overSeventyKilled());
            assertThat(feed.take(1, WAIT).get(0).name()).isEqualTo("claim.created");
        }
    }

    @Test
    void shouldSendHeartbeatsOnAQuietStream() throws Exception {
        try (SseClient feed = follow("?claimId=" + UUID.randomUUID())) {
            Thread.sleep(2500);
            assertThat(feed.comments()).contains(" heartbeat");
            assertThat(feed.next(Duration.ZERO)).isNull();
        }
    }

    @Inject
    FeedService feedService;

    /** A client that stopped reading: nothing it is sent is ever written out. */
    static final class StalledClient implements SseEventSink {
        final List<OutboundSseEvent> sent = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        volatile boolean disconnected;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            sent.add(event);
            return new CompletableFuture<>();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void shouldDropAClientThatStopsReadingWithAFinalEventInsteadOfBufferingWithoutLimit() throws Exception {
        long after = head();
        for (int i = 0; i < 30; i++) {
            createClaim(overSeventyKilled()); // max-buffered-events is 20 in tests
        }
        StalledClient client = new StalledClient();
        int streams = feedService.openStreams();
        feedService.open(FeedFilter.ALL, after, client, SseImpl.INSTANCE, () -> client.disconnected = true);
        assertThat(feedService.openStreams()).isEqualTo(streams + 1);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!client.disconnected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(client.closed).isTrue();
        assertThat(client.disconnected).as("the connection is let go when even the last event is not read").isTrue();
        OutboundSseEvent last = client.sent.get(client.sent.size() - 1);
        assertThat(last.getName()).isEqualTo("feed.dropped");
        assertThat(last.getId()).isNull();
        assertThat((String) last.getData()).contains("read too slowly", "Last-Event-ID");
        long changes = client.sent.stream().filter(e -> e.getId() != null).count();
        assertThat(changes).as("at most max-buffered-events wait, heartbeats included").isBetween(15L, 20L);
        assertThat(feedService.openStreams()).isEqualTo(streams);
    }

    @Test
    void shouldRefuseStreamsBeyondTheInstanceLimitAndFreeThemOnDisconnect() throws Exception {
        List<SseClient> open = new ArrayList<>();
        try {
            SseClient refused = null;
            for (int i = 0; i < 7 && refused == null; i++) {
                SseClient feed = follow("");
                if (feed.status() == 200) {
                    open.add(feed);
                } else {
                    refused = feed;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.response().headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("too-many-streams");
        } finally {
            open.forEach(SseClient::close);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            try (SseClient again = follow("")) {
                status = again.status();
            }
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo(200);
    }
}
