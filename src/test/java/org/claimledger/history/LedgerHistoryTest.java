package org.claimledger.history;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LedgerHistoryTest extends ApiTest {

    @Test
    void shouldKeepTheHistoryOfAnArticle() {
        String article = Fixtures.createArticle();
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .header("X-Change-Reason", "headline corrected")
                .body(Map.of("title", "ISIS-K: what we know")).patch("/api/v1/articles/{id}", article).then().statusCode(200);
        given().get("/api/v1/articles/{id}/history", article).then().statusCode(200)
                .body("items.type", contains("UPDATED", "CREATED"))
                .body("items[0].entityType", equalTo("ARTICLE"))
                .body("items[0].reason", equalTo("headline corrected"))
                .body("items[0].changes.field", contains("title"));
    }

    @Test
    void shouldFeedEveryRevisionOldestFirstSinceAnInstant() {
        String claim = createClaim(overSeventyKilled());
        String since = given().get("/api/v1/claims/{id}/history", claim).then().extract().path("items[0].timestamp");
        String article = Fixtures.createArticle();
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("claimant", "Reuters")).patch("/api/v1/claims/{id}", claim).then().statusCode(200);

        List<Object> entities = new ArrayList<>();
        List<Integer> revisions = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("since", since).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/history").then().statusCode(200).extract();
            entities.addAll(page.path("items.entityId"));
            revisions.addAll(page.path("items.revision"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(revisions).isSorted().doesNotHaveDuplicates();
        assertThat(entities).containsSubsequence(claim, article, claim);

        given().queryParam("since", since).queryParam("entityType", "ARTICLE").get("/api/v1/history")
                .then().statusCode(200).body("items", hasSize(greaterThan(0)))
                .body("items.entityType", everyItem(equalTo("ARTICLE")));
        given().queryParam("entityType", "SOURCE").get("/api/v1/history").then().statusCode(400);
        given().queryParam("limit", 3).get("/api/v1/history").then().statusCode(200).body("items", hasSize(3));
    }
}
