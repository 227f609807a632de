package org.claimledger.claim;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createArticle;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleLinkTest extends ApiTest {

    private static final String LINK = "/api/v1/claims/{id}/articles/{articleId}";

    @Test
    void shouldCreateALinkOnceAndRepeatItHarmlessly() {
        String claim = createClaim(overSeventyKilled());
        String article = createArticle();
        var appearsIn = Map.of("role", "APPEARS_IN", "excerpt", "killed over 70 people");
        given().contentType(ContentType.JSON).body(appearsIn).when().put(LINK, claim, article)
                .then().statusCode(201).header("ETag", "\"0\"").body("role", equalTo("APPEARS_IN"));
        given().contentType(ContentType.JSON).body(appearsIn).when().put(LINK, claim, article)
                .then().statusCode(200).header("ETag", "\"0\"");
        assertThat(Db.count("select count(*) from claim_article where claim_id = ?", UUID.fromString(claim))).isEqualTo(1);
        given().when().get("/api/v1/claims/{id}", claim).then().header("ETag", "\"1\"");
    }

    @Test
    void shouldRequireIfMatchToChangeALink() {
        String claim = createClaim(overSeventyKilled());
        String article = createArticle();
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN")).put(LINK, claim, article)
                .then().statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("role", "CITED_BY")).when().put(LINK, claim, article)
                .then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"9\"").body(Map.of("role", "CITED_BY"))
                .when().put(LINK, claim, article).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("role", "CITED_BY"))
                .when().put(LINK, claim, article).then().statusCode(200).header("ETag", "\"1\"")
                .body("role", equalTo("CITED_BY"));
        given().contentType(ContentType.JSON).header("If-None-Match", "*").body(Map.of("role", "CITED_BY"))
                .when().put(LINK, claim, article).then().statusCode(412);
        assertThat(Db.value("select role from claim_article where claim_id = ?", UUID.fromString(claim))).isEqualTo("CITED_BY");
    }

    @Test
    void shouldUnlinkSoftlyAndRelinkLater() {
        String claim = createClaim(overSeventyKilled());
        String article = createArticle();
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN")).put(LINK, claim, article)
                .then().statusCode(201);
        given().header("If-Match", "\"0\"").when().delete(LINK, claim, article).then().statusCode(204);
        given().when().get(LINK, claim, article).then().statusCode(410);
        given().when().get("/api/v1/claims/{id}", claim).then().body("articles", empty());
        given().when().get("/api/v1/articles/{id}/claims", article).then().body("items", empty());

        given().contentType(ContentType.JSON).body(Map.of("role", "FACT_CHECKED_IN")).put(LINK, claim, article)
                .then().statusCode(201).body("role", equalTo("FACT_CHECKED_IN"));
        assertThat(Db.count("select count(*) from claim_article where claim_id = ?", UUID.fromString(claim))).isEqualTo(1);
    }

    @Test
    void shouldShowOnlyTheLinksToLiveArticlesInTheClaimAndTheList() {
        String tag = "links-" + UUID.randomUUID();
        var tagged = overSeventyKilled();
        tagged.put("tags", java.util.List.of(tag));
        String claim = createClaim(tagged);
        String kept = createArticle();
        String deleted = createArticle();
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN")).put(LINK, claim, kept)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("role", "CITED_BY")).put(LINK, claim, deleted)
                .then().statusCode(201);
        given().header("If-Match", "\"0\"").when().delete("/api/v1/articles/{id}", deleted).then().statusCode(204);

        given().when().get("/api/v1/claims/{id}", claim).then().statusCode(200)
                .body("articles.articleId", contains(kept)).body("articles[0].url", notNullValue());
        given().queryParam("tag", tag).when().get("/api/v1/claims").then().statusCode(200)
                .body("items[0].articles.articleId", contains(kept));
        assertThat(Db.count("select count(*) from claim_article where claim_id = ? and deleted_at is null",
                UUID.fromString(claim))).isEqualTo(2);
    }

    @Test
    void shouldRefuseALinkToAMissingArticleOrWithABadRole() {
        String claim = createClaim(overSeventyKilled());
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .when().put(LINK, claim, UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("role", "MENTIONS"))
                .when().put(LINK, claim, createArticle()).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("excerpt", "no role"))
                .when().put(LINK, claim, createArticle()).then().statusCode(422);
        assertThat(Db.count("select count(*) from claim_article where claim_id = ?", UUID.fromString(claim))).isZero();
    }
}
