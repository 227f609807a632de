package org.claimledger.claim;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimSearchTest extends ApiTest {

    /** A word no other test writes, so the search sees only this test's claims. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").replaceAll("[0-9]", "x");
    }

    @Test
    void shouldRankAStatementMatchAboveAnExplanationMatch() {
        String word = word();
        var inExplanation = overSeventyKilled();
        inExplanation.put("explanation", "Reported by " + word + " correspondents");
        String explanationId = createClaim(inExplanation);
        var inStatement = overSeventyKilled();
        inStatement.put("statement", "Two explosions near " + word + " killed over 70 people");
        String statementId = createClaim(inStatement);
        createClaim(overSeventyKilled());

        given().queryParam("q", word).when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(statementId, explanationId));
    }

    @Test
    void shouldStemWordsAndCombineSearchWithFilters() {
        String word = word();
        var killed = overSeventyKilled();
        killed.put("statement", "Explosions " + word + " killed over 70 people");
        String killedId = createClaim(killed);
        var accused = org.claimledger.support.Fixtures.officialsAccuseIsisK();
        accused.put("statement", "Officials " + word + " blamed ISIS-K for the killing");
        String accusedId = createClaim(accused);

        given().queryParam("q", word + " kills").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(killedId, accusedId));
        given().queryParam("q", word).queryParam("type", "ATTRIBUTION").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(accusedId));
        given().queryParam("q", word + " -isis").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(killedId));
        given().queryParam("q", word).queryParam("sort", "createdAt").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(killedId, accusedId));
    }

    @Test
    void shouldPageThroughRankedResults() {
        String word = word();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var claim = overSeventyKilled();
            claim.put("statement", (word + " ").repeat(i + 1) + "killed over 70 people");
            ids.add(0, createClaim(claim));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", word).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/claims").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
    }

    @Test
    void shouldFilterByUpdatedSince() {
        String tag = "since-" + UUID.randomUUID();
        var claim = overSeventyKilled();
        claim.put("tags", List.of(tag));
        String before = createClaim(claim);
        String after = createClaim(claim);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("claimant", "Reuters")).patch("/api/v1/claims/{id}", before).then().statusCode(200);

        String cutoff = given().when().get("/api/v1/claims/{id}", after).then().extract().path("updatedAt");
        given().queryParam("tag", tag).queryParam("updatedSince", cutoff).queryParam("sort", "updatedAt")
                .when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(after, before));
        given().queryParam("tag", tag).queryParam("updatedSince", "2999-01-01T00:00:00Z").when().get("/api/v1/claims")
                .then().statusCode(200).body("items", empty());
    }
}
