package org.claimledger.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.claim.WorkflowTest.addSource;
import static org.claimledger.claim.WorkflowTest.move;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A verdict stays true to what was verified: what it is about cannot change behind its back, it
 * keeps what a verdict needs whatever the write, and ClaimReview publishes only reviewed text.
 */
@QuarkusTest
class VerdictIntegrityTest extends ApiTest {

    private static final String STANDS = "https://claimledger.org/problems/verdict-stands";
    private static final String RULE = "https://claimledger.org/problems/verdict-rule-broken";

    private static String key(String role) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", role + "-" + UUID.randomUUID(), "role", role.toUpperCase()))
                .when().post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
    }

    /** Over 70 killed, VERIFIED on a SUPPORTS source (the Pentagon briefing); returns the claim's id. */
    private static String verifiedClaim() {
        String claim = createClaim(overSeventyKilled());
        move(claim, "IN_REVIEW", null, null).statusCode(200);
        addSource(claim, "SUPPORTS");
        move(claim, "VERIFIED", "The Pentagon confirmed the toll.", null).statusCode(200);
        return claim;
    }

    private static String sourceOf(String claim) {
        return given().get("/api/v1/claims/{id}", claim).then().extract().path("sources[0].id");
    }

    private static io.restassured.response.ValidatableResponse patch(String bearer, String path, Object body) {
        String etag = Fixtures.etagOf(path);
        return given().header("Authorization", bearer).contentType("application/merge-patch+json")
                .header("If-Match", etag).body(body).when().patch(path).then();
    }

    @Test
    void shouldRefuseACheckersChangeToWhatAVerdictIsAbout() {
        String claim = verifiedClaim();
        String checker = "Bearer " + key("checker");

        patch(checker, "/api/v1/claims/" + claim, Map.of("statement", "Two explosions killed over 170 people"))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(STANDS))
                .body("detail", containsString("reopen"))
                .body("changedFields", hasItem("statement"));
        patch(checker, "/api/v1/claims/" + claim, Map.of("quantity", Map.of("value", 170)))
                .statusCode(409).body("changedFields", hasItem("quantity.value"));
        patch(checker, "/api/v1/claims/" + claim + "/sources/" + sourceOf(claim), Map.of("stance", "REFUTES"))
                .statusCode(409).body("type", equalTo(STANDS));

        assertThat(Db.row("select statement, status, quantity_value::int as v from claim where id = ?::uuid", claim))
                .containsEntry("statement", "Two explosions killed over 70 people")
                .containsEntry("status", "VERIFIED").containsEntry("v", 70);
        // what the verdict is not about may still change
        patch(checker, "/api/v1/claims/" + claim, Map.of("tags", List.of("kabul-airport-attack")))
                .statusCode(200).body("status", equalTo("VERIFIED"));
    }

    @Test
    void shouldReopenTheClaimWhenAnEditorChangesItAndRecordWhy() {
        String claim = verifiedClaim();
        String editor = "Bearer " + key("editor");

        patch(editor, "/api/v1/claims/" + claim, Map.of("quantity", Map.of("value", 90)))
                .statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("$", not(hasKey("verdictAt")))
                .body("quantity.value", equalTo(90));
        given().get("/api/v1/claims/{id}/history", claim).then().statusCode(200)
                .body("items[0].reason", containsString("reopened from VERIFIED to IN_REVIEW: quantity.value changed"))
                .body("items[0].changes.field", hasItem("status"))
                .body("items[0].changes.field", hasItem("quantity.value"));
        given().get("/api/v1/claims/{id}/claimreview", claim).then().statusCode(409);
        assertThat(Db.value("select status from claim where id = ?::uuid", claim)).isEqualTo("IN_REVIEW");
    }

    @Test
    void shouldReopenWhenTheSourceTheVerdictRestsOnIsRemoved() {
        String claim = verifiedClaim();
        String source = sourceOf(claim);
        String checker = "Bearer " + key("checker");
        given().header("Authorization", checker).header("If-Match", "\"0\"")
                .when().delete("/api/v1/claims/{c}/sources/{s}", claim, source).then().statusCode(403);
        given().header("If-Match", Fixtures.etagOf("/api/v1/claims/" + claim + "/sources/" + source))
                .when().delete("/api/v1/claims/{c}/sources/{s}", claim, source).then().statusCode(204);
        given().get("/api/v1/claims/{id}", claim).then().body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void shouldKeepTheVerdictRulesOnEveryWrite() {
        String claim = verifiedClaim();
        patch("Bearer " + ADMIN_KEY, "/api/v1/claims/" + claim, "{\"explanation\": null}")
                .statusCode(409).body("type", equalTo(RULE))
                .body("unmetRule", equalTo("a verdict needs a non-blank explanation"));
        assertThat(Db.value("select explanation from claim where id = ?::uuid", claim))
                .isEqualTo("The Pentagon confirmed the toll.");
    }

    @Test
    void shouldRefuseToDeleteAClaimInASupersessionChain() {
        String seventy = createClaim(overSeventyKilled());
        String ninety = createClaim(Fixtures.casualty("Two explosions killed at least 90 people", "KILLED", "AT_LEAST",
                90, "people"));
        String oneSeventy = createClaim(Fixtures.casualty("The attack killed about 170 people", "KILLED", "APPROXIMATELY",
                170, "people"));
        move(seventy, "SUPERSEDED", "revised toll", ninety).statusCode(200);
        move(ninety, "SUPERSEDED", "revised toll", oneSeventy).statusCode(200);

        given().header("If-Match", Fixtures.etagOf("/api/v1/claims/" + ninety))
                .when().delete("/api/v1/claims/{id}", ninety).then().statusCode(409)
                .body("type", equalTo("https://claimledger.org/problems/claim-in-lineage"));
        given().get("/api/v1/claims/{id}/lineage", seventy).then().body("items.size()", equalTo(3));
        assertThat(Db.value("select deleted_at from claim where id = ?::uuid", ninety)).isNull();
    }

    @Test
    void shouldReplayAStatusChangeSentAgainWithItsIdempotencyKey() {
        String claim = createClaim(overSeventyKilled());
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            var answer = given().contentType(ContentType.JSON).header("If-Match", "\"0\"").header("Idempotency-Key", key)
                    .body(Map.of("status", "IN_REVIEW")).when().post("/api/v1/claims/{id}/status", claim)
                    .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("IN_REVIEW"));
            if (attempt == 1) {
                answer.header("Idempotent-Replayed", "true");
            }
        }
        assertThat(Db.count("select count(*) from history_entry where entity_id = ?::uuid", claim)).isEqualTo(2);

        String batchKey = UUID.randomUUID().toString();
        Map<String, Object> batch = Map.of("status", "SUPERSEDED", "explanation", "duplicate",
                "supersededBy", createClaim(overSeventyKilled()),
                "items", List.of(Map.of("id", claim, "ifMatch", "\"1\"")));
        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", batchKey).body(batch)
                    .when().post("/api/v1/claims/status:batch").then().statusCode(200)
                    .body("items[0].httpStatus", equalTo(200));
        }
        assertThat(Db.count("select count(*) from history_entry where entity_id = ?::uuid", claim)).isEqualTo(3);
    }
}
