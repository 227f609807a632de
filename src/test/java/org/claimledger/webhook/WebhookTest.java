package org.claimledger.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createArticle;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.claimledger.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Map<String, Object> subscription(String url, String... events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", List.of(events));
        body.put("description", "Verdicts for the live blog");
        return body;
    }

    private static JsonNode body(WebhookReceiver.Request request) throws Exception {
        return JSON.readTree(request.body());
    }

    private static List<String> messageIdsAfter(long revision, String entityType) {
        return Db.rows("select rev, entity_id from history_entry where rev > ? and entity_type = ? order by rev, id",
                revision, entityType).stream().map(r -> "msg_" + r.get("rev") + "_" + r.get("entity_id")).toList();
    }

    private static long head() {
        return ((Number) Db.value("select coalesce(max(rev), 0) from history_entry")).longValue();
    }

    @Test
    void shouldDeliverEveryEventSignedOnceAndInLedgerOrder() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var created = given().contentType(ContentType.JSON).body(subscription(receiver.url()))
                    .post("/api/v1/webhooks").then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.containsString("/api/v1/webhooks/"))
                    .body("secret", startsWith("whsec_")).body("enabled", equalTo(true)).extract();
            String id = created.path("id");
            String secret = created.path("secret");
            assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 64);
            given().get("/api/v1/webhooks/{id}", id).then().statusCode(200).body("$", not(hasKey("secret")));
            given().get("/api/v1/webhooks").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
            long after = ((Number) Db.value("select cursor from webhook where id = ?", UUID.fromString(id))).longValue();

            String claim = createClaim(overSeventyKilled());
            given().contentType("application/merge-patch+json").header("If-Match", Fixtures.etagOf("/api/v1/claims/" + claim))
                    .body(Map.of("claimant", "Reuters")).patch("/api/v1/claims/{id}", claim).then().statusCode(200);
            createArticle();

            List<String> expected = Db.rows("select rev, entity_id from history_entry where rev > ? order by rev, id",
                    after).stream().map(r -> "msg_" + r.get("rev") + "_" + r.get("entity_id")).toList();
            assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
            // every event: the stored checkpoints (one a second in tests) come in their places too
            java.util.function.Predicate<WebhookReceiver.Request> change = r -> !r.id().endsWith("_checkpoint");
            var all = receiver.await(r -> r.stream().filter(change).count() >= expected.size(), WAIT);
            assertThat(all).extracting(r -> Long.parseLong(r.id().split("_")[1])).isSorted();
            var got = all.stream().filter(change).toList();
            assertThat(got).extracting(WebhookReceiver.Request::id).startsWith(expected.toArray(String[]::new));
            for (var request : all) {
                assertThat(WebhookReceiver.verify(secret, request)).as(request.id()).isTrue();
                assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.timestamp()))).isLessThan(300);
            }
            JsonNode first = body(got.get(0));
            assertThat(first.path("type").asText()).isEqualTo("claim.created");
            assertThat(first.path("timestamp").asText()).endsWith("Z");
            assertThat(first.path("data").path("entityId").asText()).isEqualTo(claim);
            assertThat(first.path("data").path("event").asText()).isEqualTo("claim.created");
            assertThat(first.path("data").path("href").asText()).isEqualTo("/api/v1/claims/" + claim);
            assertThat(body(got.get(1)).path("type").asText()).isEqualTo("claim.updated");
            assertThat(body(got.get(2)).path("type").asText()).isEqualTo("article.created");

            // the delivery of the first event (the newest in the list can be a checkpoint stored since, not yet sent)
            String firstDelivery = "items.find { it.messageId == '" + expected.get(0) + "' }";
            given().get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200)
                    .body(firstDelivery + ".status", equalTo("DELIVERED")).body(firstDelivery + ".attempts", equalTo(1))
                    .body(firstDelivery + ".lastResponseCode", equalTo(204));
            assertThat(WebhookReceiver.verify(Signatures.newSecret(), got.get(0))).as("another secret fails").isFalse();
        }
    }

    @Test
    void shouldDeliverStoredCheckpointsToASubscriptionThatAsksForThem() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var created = given().contentType(ContentType.JSON).body(subscription(receiver.url(), "ledger.checkpoint"))
                    .post("/api/v1/webhooks").then().statusCode(201).extract();
            String id = created.path("id");
            createClaim(overSeventyKilled());
            long size = Db.count("select size from ledger_head");

            var got = receiver.await(r -> r.stream().anyMatch(q -> treeSize(q) >= size), WAIT);
            assertThat(got).extracting(WebhookReceiver.Request::id).allMatch(m -> m.matches("msg_[0-9]+_checkpoint"));
            var request = got.stream().filter(q -> treeSize(q) >= size).findFirst().orElseThrow();
            assertThat(WebhookReceiver.verify(created.path("secret"), request)).isTrue();
            JsonNode body = body(request);
            long number = Long.parseLong(request.id().split("_")[1]);
            var stored = Db.rows("select tree_size, note from ledger_checkpoint where revision = ?", number);
            assertThat(stored).hasSize(1);
            assertThat(body.path("type").asText()).isEqualTo("ledger.checkpoint");
            assertThat(body.path("data").path("revision").asLong()).isEqualTo(number);
            assertThat(body.path("data").path("treeSize").asLong()).isEqualTo(stored.get(0).get("tree_size"));
            assertThat(body.path("data").path("checkpoint").asText()).isEqualTo(stored.get(0).get("note"));
            assertThat(body.path("data").has("entityId")).isFalse();

            given().get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200)
                    .body("items.event", everyItem(equalTo("ledger.checkpoint")))
                    .body("items[0]", not(hasKey("entityId")));
        }
    }

    private static long treeSize(WebhookReceiver.Request request) {
        try {
            return body(request).path("data").path("treeSize").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldRetryWhileTheReceiverIsDownThenDeliverEverythingInOrder() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503);
            String id = given().contentType(ContentType.JSON).body(subscription(receiver.url(), "claim.created"))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            long after = ((Number) Db.value("select cursor from webhook where id = ?", UUID.fromString(id))).longValue();
            String one = createClaim(overSeventyKilled());
            createArticle(); // not subscribed
            String two = createClaim(overSeventyKilled());
            String three = createClaim(overSeventyKilled());

            receiver.await(r -> r.size() >= 2, WAIT);
            assertThat(receiver.requests()).extracting(WebhookReceiver.Request::id)
                    .allMatch(m -> m.endsWith(one), "only the first event is tried while it fails");
            given().get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200)
                    .body("items[-1].status", equalTo("PENDING")).body("items[-1].lastResponseCode", equalTo(503))
                    .body("items[-1].responseExcerpt", equalTo("receiver is down"))
                    .body("items[-1].nextAttemptAt", org.hamcrest.Matchers.notNullValue());

            receiver.answer(204);
            List<String> expected = messageIdsAfter(after, "CLAIM");
            var got = receiver.await(r -> r.stream().map(WebhookReceiver.Request::id).distinct().count() >= 3, WAIT);
            List<String> distinct = got.stream().map(WebhookReceiver.Request::id).distinct().toList();
            assertThat(distinct).containsExactlyElementsOf(expected);
            assertThat(distinct.get(1)).endsWith(two);
            assertThat(distinct.get(2)).endsWith(three);
            assertThat(got.subList(got.size() - 2, got.size())).extracting(WebhookReceiver.Request::id)
                    .containsExactly(expected.get(1), expected.get(2));
        }
    }

    @Test
    void shouldSignWithTheOldSecretToAfterARotationAndResendOnRetry() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var created = given().contentType(ContentType.JSON).body(subscription(receiver.url(), "article.created"))
                    .post("/api/v1/webhooks").then().statusCode(201).extract();
            String id = created.path("id");
            String old = created.path("secret");
            String rotated = given().post("/api/v1/webhooks/{id}/secret:rotate", id).then().statusCode(200)
                    .body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue())
                    .extract().path("secret");
            assertThat(rotated).startsWith("whsec_").isNotEqualTo(old);
            createArticle();
            var request = receiver.await(r -> r.size() >= 1, WAIT).get(0);
            assertThat(request.signature().split(" ")).hasSize(2);
            assertThat(WebhookReceiver.verify(rotated, request)).isTrue();
            assertThat(WebhookReceiver.verify(old, request)).isTrue();

            String delivery = given().get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200)
                    .extract().path("items[0].id");
            given().post("/api/v1/webhooks/{id}/deliveries/{d}:retry", id, delivery).then().statusCode(200)
                    .body("status", equalTo("PENDING"));
            var again = receiver.await(r -> r.size() >= 2, WAIT).get(1);
            assertThat(again.id()).isEqualTo(request.id());
            assertThat(again.body()).isEqualTo(request.body());
        }
    }

    @Test
    void shouldDisableASubscriptionThatKeepsFailingAndSayWhyThenCatchUpWhenEnabled() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(500);
            String id = given().contentType(ContentType.JSON).body(subscription(receiver.url(), "claim.created"))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            String claim = createClaim(overSeventyKilled());
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (System.nanoTime() < deadline && Boolean.TRUE.equals(
                    given().get("/api/v1/webhooks/{id}", id).then().extract().path("enabled"))) {
                Thread.sleep(250);
            }
            given().get("/api/v1/webhooks/{id}", id).then().statusCode(200).body("enabled", equalTo(false))
                    .body("disabledReason", org.hamcrest.Matchers.containsString("HTTP 500"));
            given().get("/api/v1/webhooks/{id}/deliveries", id).then().body("items[0].status", equalTo("FAILED"));

            receiver.answer(204);
            given().contentType("application/merge-patch+json").body(Map.of("enabled", true))
                    .patch("/api/v1/webhooks/{id}", id).then().statusCode(200).body("enabled", equalTo(true))
                    .body("disabledReason", org.hamcrest.Matchers.nullValue());
            given().get("/api/v1/webhooks/{id}/deliveries", id).then().body("items[0].status", org.hamcrest.Matchers
                    .oneOf("PENDING", "DELIVERED"));
            receiver.await(r -> r.stream().anyMatch(q -> q.id().endsWith(claim)) && r.size() >= 2
                    && given().get("/api/v1/webhooks/{id}/deliveries", id).then().extract().path("items[0].status")
                            .equals("DELIVERED"), WAIT);
        }
    }

    @Test
    void shouldRefuseMetadataLinkLocalAndNonHttpTargetsWith422() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://169.254.10.1/hook",
                "https://[fd00:ec2::254]/hook", "https://[fe80::1]/hook", "ftp://newsroom.example/hook", "not a url")) {
            given().contentType(ContentType.JSON).body(subscription(url)).post("/api/v1/webhooks").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://claimledger.org/problems/webhook-target-refused"))
                    .body("errors[0].field", equalTo("url"));
        }
        given().contentType(ContentType.JSON).body(subscription("http://127.0.0.1:9/hook", "claim.exploded"))
                .post("/api/v1/webhooks").then().statusCode(422).body("errors[0].field", equalTo("events[0]"));
        assertThat(Db.count("select count(*) from webhook where url like '%169.254%' or url like '%fd00%'")).isZero();
        String id = given().contentType(ContentType.JSON).body(subscription("http://127.0.0.1:9/hook"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        given().contentType("application/merge-patch+json").body(Map.of("url", "http://169.254.169.254/"))
                .patch("/api/v1/webhooks/{id}", id).then().statusCode(422);
        given().delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        given().get("/api/v1/webhooks/{id}", id).then().statusCode(404);
    }

    @Test
    void shouldLetOnlyAdminsManageWebhooks() {
        for (String role : List.of("READER", "EDITOR")) {
            String key = given().contentType(ContentType.JSON).body(Map.of("name", role + "-" + UUID.randomUUID(),
                    "role", role)).post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
            given().header("Authorization", "Bearer " + key).get("/api/v1/webhooks").then().statusCode(403);
            given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                    .body(subscription("http://127.0.0.1:9/hook")).post("/api/v1/webhooks").then().statusCode(403);
        }
        given().header("Authorization", "").get("/api/v1/webhooks").then().statusCode(401);
    }
}
