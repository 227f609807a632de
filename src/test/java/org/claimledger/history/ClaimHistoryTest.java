package org.claimledger.history;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimledger.support.Fixtures.createArticle;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimHistoryTest extends ApiTest {

    /** The story of the issue: recorded, revised, sourced, re-weighed, withdrawn. */
    record Story(String claim, String source, List<Integer> revisions) {
    }

    private Story overSeventyRevisedToNinetyThenDeleted() {
        String claim = createClaim(overSeventyKilled());
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .header("X-Change-Reason", "revised toll")
                .body(Map.of("quantity", Map.of("value", 90)))
                .when().patch("/api/v1/claims/{id}", claim).then().statusCode(200);
        String source = given().contentType(ContentType.JSON).body(pentagonBriefing("SUPPORTS"))
                .header("X-Change-Reason", "Pentagon briefing")
                .when().post("/api/v1/claims/{id}/sources", claim).then().statusCode(201).extract().path("id");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("stance", "CONTEXT"))
                .when().patch("/api/v1/claims/{c}/sources/{s}", claim, source).then().statusCode(200);
        given().header("If-Match", "\"3\"").header("X-Change-Reason", "duplicate of a later claim")
                .when().delete("/api/v1/claims/{id}", claim).then().statusCode(204);
        List<Integer> revisions = given().when().get("/api/v1/claims/{id}/history", claim)
                .then().statusCode(200).extract().path("items.revision");
        return new Story(claim, source, revisions);
    }

    @Test
    void shouldTellTheWholeStoryOfAClaimNewestFirst() {
        Story story = overSeventyRevisedToNinetyThenDeleted();
        String path = "/api/v1/claims/" + story.claim() + "/history";

        given().when().get(path).then().statusCode(200)
                .body("items", hasSize(5))
                .body("items.type", contains("DELETED", "UPDATED", "UPDATED", "UPDATED", "CREATED"))
                .body("items.actor", contains("bootstrap-admin", "bootstrap-admin", "bootstrap-admin", "bootstrap-admin", "bootstrap-admin"))
                .body("items.reason", contains("duplicate of a later claim", null, "Pentagon briefing", "revised toll", null))
                .body("items[3].changes.field", contains("quantity.value"))
                .body("items[3].changes[0].from", equalTo(70))
                .body("items[3].changes[0].to", equalTo(90))
                .body("items[2].changes.field", org.hamcrest.Matchers.hasItem("sources[" + story.source() + "].stance"))
                .body("items[1].changes.field", contains("sources[" + story.source() + "].stance"))
                .body("items[1].changes[0].from", equalTo("SUPPORTS"))
                .body("items[1].changes[0].to", equalTo("CONTEXT"))
                .body("items[0].changes.field", contains("deleted"))
                .body("items[4].changes.field", org.hamcrest.Matchers.hasItem("statement"));
        assertThat(story.revisions()).isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void shouldShowTheClaimExactlyAsItStoodAtItsFirstRevision() {
        var created = given().contentType(ContentType.JSON).body(overSeventyKilled())
                .when().post("/api/v1/claims").then().statusCode(201).extract();
        String claim = created.path("id");
        Map<String, Object> original = new java.util.HashMap<>(created.jsonPath().getMap("$"));
        original.remove("possibleDuplicates");   // the create's answer adds them next to the claim; not part of it
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("quantity", Map.of("value", 90))).patch("/api/v1/claims/{id}", claim).then().statusCode(200);
        int first = given().get("/api/v1/claims/{id}/history", claim).then().extract().path("items[-1].revision");

        Map<String, Object> snapshot = given().when().get("/api/v1/claims/{id}/history/{rev}", claim, first)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(snapshot).isEqualTo(original);
    }

    @Test
    void shouldDiffAnyTwoRevisions() {
        Story story = overSeventyRevisedToNinetyThenDeleted();
        int first = story.revisions().get(4);
        int last = story.revisions().get(0);
        given().queryParam("from", first).queryParam("to", last)
                .when().get("/api/v1/claims/{id}/diff", story.claim())
                .then().statusCode(200)
                .body("from", equalTo(first)).body("to", equalTo(last))
                .body("changes.field", contains("deleted", "quantity.value",
                        "sources[" + story.source() + "].accessedAt", "sources[" + story.source() + "].kind",
                        "sources[" + story.source() + "].publisher", "sources[" + story.source() + "].stance",
                        "sources[" + story.source() + "].title", "sources[" + story.source() + "].url"));
    }

    @Test
    void shouldListTheRevisionsThatChangedTheClaimWhenADiffNamesOneThatDidNot() {
        Story story = overSeventyRevisedToNinetyThenDeleted();
        String other = createClaim(overSeventyKilled());
        int unrelated = given().get("/api/v1/claims/{id}/history", other).then().extract().path("items[0].revision");
        List<Integer> oldestFirst = new java.util.ArrayList<>(story.revisions());
        java.util.Collections.reverse(oldestFirst);

        given().queryParam("from", story.revisions().get(4)).queryParam("to", unrelated)
                .when().get("/api/v1/claims/{id}/diff", story.claim())
                .then().statusCode(404).contentType("application/problem+json")
                .header("Link", equalTo("</api/v1/claims/" + story.claim() + "/history>; rel=\"history\""))
                .body("detail", org.hamcrest.Matchers.containsString("revision " + unrelated + " did not change"))
                .body("detail", org.hamcrest.Matchers.containsString(oldestFirst.toString()))
                .body("revisions", equalTo(oldestFirst))
                .body("history", equalTo("/api/v1/claims/" + story.claim() + "/history"));
    }

    @Test
    void shouldKeepHistoryReadableAfterDeleteAndReadTheClaimAsOfAnInstant() {
        Story story = overSeventyRevisedToNinetyThenDeleted();
        given().when().get("/api/v1/claims/{id}", story.claim()).then().statusCode(410);
        String revisedAt = given().get("/api/v1/claims/{id}/history", story.claim()).then().extract().path("items[3].timestamp");

        given().queryParam("asOf", revisedAt).when().get("/api/v1/claims/{id}", story.claim())
                .then().statusCode(200)
                .body("quantity.value", equalTo(90))
                .body("sources", hasSize(0));
        given().queryParam("asOf", "2001-01-01T00:00:00Z").when().get("/api/v1/claims/{id}", story.claim())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldFilterHistoryByFieldActorAndTime() {
        Story story = overSeventyRevisedToNinetyThenDeleted();
        String path = "/api/v1/claims/" + story.claim() + "/history";
        given().queryParam("field", "quantity.value").get(path).then().statusCode(200)
                .body("items.revision", contains(story.revisions().get(3), story.revisions().get(4)));
        given().queryParam("field", "sources").get(path).then().statusCode(200)
                .body("items.revision", contains(story.revisions().get(1), story.revisions().get(2)));
        given().queryParam("actor", "someone-else").get(path).then().statusCode(200).body("items", hasSize(0));
        given().queryParam("until", "2001-01-01T00:00:00Z").get(path).then().statusCode(200).body("items", hasSize(0));
        var page = given().queryParam("limit", 2).get(path).then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract();
        given().queryParam("limit", 2).queryParam("cursor", (String) page.path("nextCursor")).get(path)
                .then().statusCode(200).body("items.revision", contains(story.revisions().get(2), story.revisions().get(3)));
    }

    @Test
    void shouldAddNoRevisionForARefusedChange() {
        String claim = createClaim(overSeventyKilled());
        long before = Db.count("select count(*) from revision");
        given().contentType("application/merge-patch+json").header("If-Match", "\"7\"")
                .body(Map.of("claimant", "Reuters")).patch("/api/v1/claims/{id}", claim).then().statusCode(412);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("statement", "")).patch("/api/v1/claims/{id}", claim).then().statusCode(422);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .header("X-Change-Reason", "r".repeat(501))
                .body(Map.of("claimant", "Reuters")).patch("/api/v1/claims/{id}", claim).then().statusCode(400);
        assertThat(Db.count("select count(*) from revision")).isEqualTo(before);
        given().get("/api/v1/claims/{id}/history", claim).then().body("items", hasSize(1));
    }

    @Test
    void shouldRecordTheActorAndTheRequestIdInTheRevision() {
        String claim = createClaim(overSeventyKilled());
        var response = given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .header("X-Request-Id", "newsroom-tool-4711").body(Map.of("claimant", "Reuters"))
                .when().patch("/api/v1/claims/{id}", claim).then().statusCode(200)
                .header("X-Request-Id", "newsroom-tool-4711").extract();
        assertThat(response.header("X-Request-Id")).isEqualTo("newsroom-tool-4711");
        given().get("/api/v1/claims/{id}/history", claim).then().body("items[0].requestId", equalTo("newsroom-tool-4711"));
        var revision = Db.row("select h.fields, r.actor, r.request_id from history_entry h join revision r on r.id = h.rev"
                + " where h.entity_id = ? order by h.rev desc limit 1", UUID.fromString(claim));
        assertThat(revision).containsEntry("actor", "bootstrap-admin").containsEntry("request_id", "newsroom-tool-4711");
        assertThat(revision.get("fields").toString()).contains("claimant");
    }

    @Test
    void shouldRecordLinkChangesInTheClaimsHistory() {
        String claim = createClaim(overSeventyKilled());
        String article = createArticle();
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .put("/api/v1/claims/{c}/articles/{a}", claim, article).then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("role", "CITED_BY"))
                .put("/api/v1/claims/{c}/articles/{a}", claim, article).then().statusCode(200);
        given().get("/api/v1/claims/{id}/history", claim).then().statusCode(200)
                .body("items[0].changes.field", contains("articles[" + article + "].role"))
                .body("items[0].changes[0].from", equalTo("APPEARS_IN"))
                .body("items[1].changes.field", contains("articles[" + article + "].role"))
                .body("items[1].changes[0].from", nullValue());
    }

    @Test
    void shouldAnswerNotFoundForTheHistoryOfAnUnknownClaimOrRevision() {
        given().get("/api/v1/claims/{id}/history", UUID.randomUUID()).then().statusCode(404);
        String claim = createClaim(overSeventyKilled());
        given().get("/api/v1/claims/{id}/history/{rev}", claim, 999_999_999).then().statusCode(404);
        given().get("/api/v1/claims/{id}/history/{rev}", claim, "latest").then().statusCode(400);
        given().queryParam("from", 1).get("/api/v1/claims/{id}/diff", claim).then().statusCode(400);
    }

    @Test
    void shouldDetectARevisionRewrittenInTheDatabase() throws SQLException {
        Story story = overSeventyRevisedToNinetyThenDeleted();
        given().get("/api/v1/claims/{id}/history/verify", story.claim()).then().statusCode(200)
                .body("valid", equalTo(true)).body("revisions", equalTo(5)).body("firstBrokenRevision", nullValue());
        int revised = story.revisions().get(3);

        try (var c = Db.connect(); var s = c.createStatement()) {
            s.execute("alter table history_entry disable trigger history_entry_append_only");
            s.execute("update history_entry set content = replace(content, '\"to\":90', '\"to\":75')"
                    + " where entity_id = '" + story.claim() + "' and rev = " + revised);
            s.execute("alter table history_entry enable trigger history_entry_append_only");
        }
        given().get("/api/v1/claims/{id}/history/verify", story.claim()).then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenRevision", equalTo(revised));
        given().get("/api/v1/history/verify").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("broken.entityId", org.hamcrest.Matchers.hasItem(story.claim()));
        repair(story.claim(), revised);
    }

    @Test
    void shouldDetectARewrittenActor() throws SQLException {
        Story story = overSeventyRevisedToNinetyThenDeleted();
        int revised = story.revisions().get(3);
        try (var c = Db.connect(); var s = c.createStatement()) {
            s.execute("alter table revision disable trigger revision_append_only");
            s.execute("update revision set actor = 'someone-else' where id = " + revised);
            s.execute("alter table revision enable trigger revision_append_only");
        }
        given().get("/api/v1/claims/{id}/history/verify", story.claim()).then()
                .body("valid", equalTo(false)).body("firstBrokenRevision", equalTo(revised));
        try (var c = Db.connect(); var s = c.createStatement()) {
            s.execute("alter table revision disable trigger revision_append_only");
            s.execute("update revision set actor = 'bootstrap-admin' where id = " + revised);
            s.execute("alter table revision enable trigger revision_append_only");
        }
        given().get("/api/v1/claims/{id}/history/verify", story.claim()).then().body("valid", equalTo(true));
    }

    @Test
    void shouldRefuseToUpdateOrDeleteHistoryInTheDatabase() {
        String claim = createClaim(overSeventyKilled());
        for (String sql : List.of(
                "update history_entry set content = '{}' where entity_id = ?",
                "delete from history_entry where entity_id = ?",
                "update revision set actor = 'x' where id in (select rev from history_entry where entity_id = ?)",
                "delete from revision where id in (select rev from history_entry where entity_id = ?)")) {
            assertThatThrownBy(() -> Db.execute(sql, UUID.fromString(claim)))
                    .as(sql).hasMessageContaining("history is append-only");
        }
        assertThatThrownBy(() -> Db.execute("truncate history_entry cascade")).hasMessageContaining("append-only");
        given().get("/api/v1/claims/{id}/history/verify", claim).then().body("valid", equalTo(true));
    }

    /** Puts the tampered row back, so that the ledger-wide verification of other tests stays meaningful. */
    private static void repair(String claim, int rev) throws SQLException {
        try (var c = Db.connect(); var s = c.createStatement()) {
            s.execute("alter table history_entry disable trigger history_entry_append_only");
            s.execute("update history_entry set content = replace(content, '\"to\":75', '\"to\":90')"
                    + " where entity_id = '" + claim + "' and rev = " + rev);
            s.execute("alter table history_entry enable trigger history_entry_append_only");
        }
        given().get("/api/v1/claims/{id}/history/verify", claim).then().body("valid", equalTo(true));
    }
}
