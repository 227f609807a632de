package org.claimledger.claim;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.claim.WorkflowTest.addSource;
import static org.claimledger.claim.WorkflowTest.move;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimReviewTest extends ApiTest {

    @Test
    void shouldPublishAVerdictAsSchemaOrgClaimReview() {
        var claim = overSeventyKilled();
        claim.put("claimantKind", "ORGANIZATION");
        String id = createClaim(claim);
        var early = Fixtures.globalNewsArticle();
        early.put("publishedAt", "2021-08-26T18:30:00Z");
        String appearsEarly = Fixtures.create("/api/v1/articles", early).path("id");
        var late = Fixtures.globalNewsArticle();
        late.put("publishedAt", "2021-08-27T08:00:00Z");
        String appearsLate = Fixtures.create("/api/v1/articles", late).path("id");
        var factCheck = Fixtures.globalNewsArticle();
        String factChecked = Fixtures.create("/api/v1/articles", factCheck).path("id");
        for (var link : List.of(List.of(appearsLate, "APPEARS_IN"), List.of(appearsEarly, "APPEARS_IN"),
                List.of(factChecked, "FACT_CHECKED_IN"))) {
            given().contentType(ContentType.JSON).body(Map.of("role", link.get(1)))
                    .put("/api/v1/claims/{c}/articles/{a}", id, link.get(0)).then().statusCode(201);
        }
        given().accept("application/ld+json").get("/api/v1/claims/{id}/claimreview", id)
                .then().statusCode(409).contentType("application/problem+json");
        addSource(id, "SUPPORTS");
        move(id, "IN_REVIEW", null, null).statusCode(200);
        move(id, "VERIFIED", "The Pentagon confirmed the toll.", null).statusCode(200);

        String body = given().accept("application/ld+json").get("/api/v1/claims/{id}/claimreview", id)
                .then().statusCode(200).contentType("application/ld+json").extract().asString();
        JsonPath review = JsonPath.from(body);
        assertThat(review.getString("'@context'")).isEqualTo("https://schema.org");
        assertThat(review.getString("'@type'")).isEqualTo("ClaimReview");
        assertThat(review.getString("claimReviewed")).isEqualTo("Two explosions killed over 70 people");
        assertThat(review.getString("datePublished")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(review.getString("url")).isEqualTo(factCheck.get("url"));
        assertThat(review.getString("author.'@type'")).isEqualTo("Organization");
        assertThat(review.getString("author.name")).isEqualTo("Claim Ledger");
        assertThat(review.getString("itemReviewed.'@type'")).isEqualTo("Claim");
        assertThat(review.getString("itemReviewed.author.'@type'")).isEqualTo("Organization");
        assertThat(review.getString("itemReviewed.author.name")).isEqualTo("Global News");
        assertThat(review.getString("itemReviewed.datePublished")).isEqualTo("2021-08-26");
        assertThat(review.getList("itemReviewed.appearance.url")).containsExactlyInAnyOrder(early.get("url"), late.get("url"));
        assertThat(review.getString("itemReviewed.firstAppearance.url")).isEqualTo(early.get("url"));
        assertThat(review.getString("reviewRating.'@type'")).isEqualTo("Rating");
        assertThat(review.getInt("reviewRating.ratingValue")).isEqualTo(5);
        assertThat(review.getInt("reviewRating.bestRating")).isEqualTo(5);
        assertThat(review.getInt("reviewRating.worstRating")).isEqualTo(1);
        assertThat(review.getString("reviewRating.alternateName")).isEqualTo("True");
        assertThat(review.getString("reviewRating.ratingExplanation")).isEqualTo("The Pentagon confirmed the toll.");

        String unreviewed = createClaim(overSeventyKilled());
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .put("/api/v1/claims/{c}/articles/{a}", unreviewed, appearsEarly).then().statusCode(201);
        given().accept("application/ld+json").get("/api/v1/articles/{id}/claimreviews", appearsEarly)
                .then().statusCode(200)
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@graph'.size()", equalTo(1))
                .body("'@graph'[0].claimReviewed", equalTo("Two explosions killed over 70 people"));
    }

    @Test
    void shouldRateAFalseClaimOne() {
        String id = createClaim(overSeventyKilled());
        addSource(id, "REFUTES");
        move(id, "IN_REVIEW", null, null).statusCode(200);
        move(id, "FALSE", "Fewer died.", null).statusCode(200);
        given().get("/api/v1/claims/{id}/claimreview", id).then().statusCode(200)
                .body("reviewRating.ratingValue", equalTo(1)).body("reviewRating.alternateName", equalTo("False"));
    }

    @Test
    void shouldServeJsonToClientsThatAskForJsonAndPreferJsonLd() {
        String id = createClaim(overSeventyKilled());
        addSource(id, "REFUTES");
        move(id, "IN_REVIEW", null, null).statusCode(200);
        move(id, "FALSE", "Fewer died.", null).statusCode(200);
        String article = Fixtures.create("/api/v1/articles", Fixtures.globalNewsArticle()).path("id");
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .put("/api/v1/claims/{c}/articles/{a}", id, article).then().statusCode(201);

        given().accept("application/json").get("/api/v1/claims/{id}/claimreview", id).then().statusCode(200)
                .contentType("application/json").body("'@type'", equalTo("ClaimReview"));
        given().accept("application/json").get("/api/v1/articles/{id}/claimreviews", article).then().statusCode(200)
                .contentType("application/json").body("'@graph'.size()", equalTo(1));
        given().accept("*/*").get("/api/v1/claims/{id}/claimreview", id).then().statusCode(200)
                .contentType("application/ld+json");
    }
}
