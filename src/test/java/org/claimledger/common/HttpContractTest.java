package org.claimledger.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimledger.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * What the contract promises beyond single features: unset properties left out, HEAD for every
 * GET, ETags on every answer that is not a page, and problem bodies for over-long URLs and headers.
 * (Every exchange of every test is also checked against openapi/openapi.yaml by ApiTest.)
 */
@QuarkusTest
class HttpContractTest extends ApiTest {

    @Test
    void shouldLeaveUnsetOptionalPropertiesOutAndGiveTheDefaultClaimantKind() {
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("statement", "The airport was closed after the attack");
        bare.put("type", "EVENT");
        String id = createClaim(bare);

        given().when().get("/api/v1/claims/{id}", id).then().statusCode(200)
                .body("$", not(hasKey("explanation")))
                .body("$", not(hasKey("quantity")))
                .body("$", not(hasKey("attribution")))
                .body("$", not(hasKey("claimant")))
                .body("$", not(hasKey("verdictAt")))
                .body("claimantKind", equalTo("ORGANIZATION"));
        given().queryParam("limit", 1).when().get("/api/v1/history").then().statusCode(200)
                .body("$", hasKey("nextCursor"));
    }

    @Test
    void shouldAnswerHeadWithTheStatusAndHeadersOfGet() {
        String id = createClaim(overSeventyKilled());
        String body = given().when().head("/api/v1/claims/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"").extract().asString();
        assertThat(body).isEmpty();
        given().when().head("/api/v1/claims/{id}", "7f0c2a52-8d4c-4d8e-9a1b-3c5d6e7f8a9b").then().statusCode(404);
    }

    @Test
    void shouldTagAnswersWithoutARowVersionAndHonourIfNoneMatch() {
        String id = createClaim(overSeventyKilled());
        // lineage and api-keys answer {"items": [...]} pages, which carry no ETag, like every list
        for (String path : new String[] {"/api/v1/stats/claims", "/api/v1/claims/" + id + "/history/verify"}) {
            String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
            assertThat(etag).as(path).matches("\"[0-9a-f]{32}\"");
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").when().get(path).then().statusCode(200)
                    .header("ETag", etag);
        }
        String before = given().when().get("/api/v1/stats/claims").then().extract().header("ETag");
        createClaim(overSeventyKilled());
        given().header("If-None-Match", before).when().get("/api/v1/stats/claims").then().statusCode(200);
    }

    @Test
    void shouldAnswerAnOverlongUrlAndOversizedHeadersWithProblems() {
        given().queryParam("q", "kabul ".repeat(2000)).when().get("/api/v1/claims").then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("https://claimledger.org/problems/uri-too-long"));
        given().header("X-Padding", "x".repeat(20_000)).when().get("/api/v1/claims").then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("https://claimledger.org/problems/headers-too-large"));
    }

    @Test
    void shouldAcceptAPartialPatchAsTheContractDescribesIt() {
        String id = createClaim(overSeventyKilled());
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("quantity", Map.of("value", 90)))
                .when().patch("/api/v1/claims/{id}", id).then().statusCode(200)
                .body("quantity.value", equalTo(90));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"location\": null}")
                .when().patch("/api/v1/claims/{id}", id).then().statusCode(200)
                .body("$", not(hasKey("location")));
    }
}
