package org.claimledger.claim;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.casualty;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkflowTest extends ApiTest {

    private static final String TYPE = "https://claimledger.org/problems/invalid-status-transition";

    static ValidatableResponse move(String claim, String status, String explanation, String supersededBy) {
        String etag = Fixtures.etagOf("/api/v1/claims/" + claim);
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("explanation", explanation);
        body.put("supersededBy", supersededBy);
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().post("/api/v1/claims/{id}/status", claim).then();
    }

    static void addSource(String claim, String stance) {
        Fixtures.create("/api/v1/claims/" + claim + "/sources", pentagonBriefing(stance));
    }

    @Test
    void shouldTakeAClaimFromUnverifiedThroughReviewToVerified() {
        String claim = createClaim(overSeventyKilled());
        move(claim, "IN_REVIEW", null, null).statusCode(200).body("status", equalTo("IN_REVIEW"));
        addSource(claim, "SUPPORTS");
        move(claim, "VERIFIED", "The Pentagon confirmed the toll.", null).statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("explanation", equalTo("The Pentagon confirmed the toll."))
                .body("verdictAt", notNullValue());
        assertThat(Db.value("select status from claim where id = ?", UUID.fromString(claim))).isEqualTo("VERIFIED");
        given().get("/api/v1/claims/{id}/history", claim).then()
                .body("items[0].reason", equalTo("The Pentagon confirmed the toll."))
                .body("items[0].changes.field", org.hamcrest.Matchers.hasItem("status"));
        move(claim, "IN_REVIEW", null, null).statusCode(200).body("verdictAt", nullValue());
    }

    @Test
    void shouldRefuseEachBrokenRuleWithTheAllowedNextStatuses() {
        String claim = createClaim(overSeventyKilled());
        move(claim, "VERIFIED", "confirmed", null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(TYPE))
                .body("currentStatus", equalTo("UNVERIFIED"))
                .body("allowedNextStatuses", contains("IN_REVIEW", "SUPERSEDED"));
        move(claim, "IN_REVIEW", null, null).statusCode(200);
        move(claim, "VERIFIED", " ", null).statusCode(409).body("unmetRule", containsString("explanation"))
                .body("allowedNextStatuses", contains("VERIFIED", "FALSE", "MISLEADING", "DISPUTED", "UNPROVEN", "SUPERSEDED"));
        move(claim, "VERIFIED", "confirmed", null).statusCode(409).body("unmetRule", containsString("at least one source"));
        addSource(claim, "REFUTES");
        move(claim, "VERIFIED", "confirmed", null).statusCode(409).body("unmetRule", containsString("SUPPORTS"));
        move(claim, "IN_REVIEW", null, null).statusCode(409).body("unmetRule", containsString("already IN_REVIEW"));
        move(claim, "SUPERSEDED", null, null).statusCode(409).body("unmetRule", containsString("supersededBy"));
        move(claim, "SUPERSEDED", null, claim).statusCode(409).body("unmetRule", containsString("itself"));
        move(claim, "SUPERSEDED", null, UUID.randomUUID().toString()).statusCode(409)
                .body("unmetRule", containsString("existing claim"));

        String other = createClaim(overSeventyKilled());
        addSource(other, "SUPPORTS");
        move(other, "IN_REVIEW", null, null).statusCode(200);
        move(other, "FALSE", "not so", null).statusCode(409).body("unmetRule", containsString("REFUTES"));
        move(claim, "FALSE", "The toll was higher.", null).statusCode(200);
        assertThat(Db.value("select status from claim where id = ?", UUID.fromString(claim))).isEqualTo("FALSE");
    }

    @Test
    void shouldKeepStatusOutOfPatchAndCreate() {
        String claim = createClaim(overSeventyKilled());
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("status", "VERIFIED"))
                .when().patch("/api/v1/claims/{id}", claim)
                .then().statusCode(400).body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("/status"));
        var verified = overSeventyKilled();
        verified.put("status", "VERIFIED");
        given().contentType(ContentType.JSON).body(verified).when().post("/api/v1/claims")
                .then().statusCode(422).body("errors[0].field", equalTo("status"));
        given().contentType(ContentType.JSON).body(Map.of("status", "IN_REVIEW"))
                .when().post("/api/v1/claims/{id}/status", claim).then().statusCode(428);
    }

    @Test
    void shouldTraceHowATollEvolvedFromAnyMemberOfItsLineage() {
        String seventy = createClaim(overSeventyKilled());
        String ninety = createClaim(casualty("At least 90 people were killed", "KILLED", "AT_LEAST", 90, "people"));
        String oneSeventy = createClaim(casualty("About 170 people were killed", "KILLED", "APPROXIMATELY", 170, "people"));
        move(seventy, "SUPERSEDED", "revised toll", ninety).statusCode(200).body("supersededBy", equalTo(ninety));
        move(ninety, "SUPERSEDED", "revised toll", oneSeventy).statusCode(200);

        for (String member : List.of(seventy, ninety, oneSeventy)) {
            given().get("/api/v1/claims/{id}/lineage", member).then().statusCode(200)
                    .body("items.id", contains(seventy, ninety, oneSeventy))
                    .body("items.quantity.value", contains(70, 90, 170))
                    .body("items.status", contains("SUPERSEDED", "SUPERSEDED", "UNVERIFIED"))
                    .body("items[0].supersededAt", notNullValue())
                    .body("items[2].supersededAt", nullValue())
                    .body("nextCursor", nullValue());
        }
        move(oneSeventy, "SUPERSEDED", "cycle", seventy).statusCode(409).body("unmetRule", containsString("cycle"));
        assertThat(Db.value("select superseded_by from claim where id = ?", UUID.fromString(oneSeventy))).isNull();
    }

    @Test
    void shouldApplyABatchItemByItemAndReportTheStaleOne() {
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            claims.add(createClaim(overSeventyKilled()));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(Map.of("id", claims.get(i), "ifMatch", i == 2 ? "\"7\"" : "\"0\""));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "IN_REVIEW", "explanation", "desk review of the Kabul figures", "items", items))
                .when().post("/api/v1/claims/status:batch")
                .then().statusCode(200)
                .body("items.id", contains(claims.toArray()))
                .body("items.httpStatus", contains(200, 200, 412, 200, 200))
                .body("items[0].etag", equalTo("\"1\""))
                .body("items[2].problem.type", equalTo("https://claimledger.org/problems/precondition-failed"))
                .body("items[2].problem.currentEtag", equalTo("\"0\""));
        for (int i = 0; i < 5; i++) {
            assertThat(Db.value("select status from claim where id = ?", UUID.fromString(claims.get(i))))
                    .isEqualTo(i == 2 ? "UNVERIFIED" : "IN_REVIEW");
        }
        given().contentType(ContentType.JSON).body(Map.of("status", "IN_REVIEW", "items", List.of()))
                .when().post("/api/v1/claims/status:batch").then().statusCode(422);
    }
}
