package org.claimledger.claim;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.atLeastTwelveServiceMembers;
import static org.claimledger.support.Fixtures.createArticle;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.officialsAccuseIsisK;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimResourceTest extends ApiTest {

    @Test
    void shouldRecordACasualtyCountAsStructuredData() {
        var created = given().contentType(ContentType.JSON).body(overSeventyKilled())
                .when().post("/api/v1/claims")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("statement", equalTo("Two explosions killed over 70 people"))
                .body("type", equalTo("CASUALTY_COUNT"))
                .body("status", equalTo("UNVERIFIED"))
                .body("quantity.measure", equalTo("KILLED"))
                .body("quantity.qualifier", equalTo("MORE_THAN"))
                .body("quantity.value", equalTo(70))
                .body("quantity.subject", equalTo("people"))
                .body("attribution", nullValue())
                .body("claimDate", equalTo("2021-08-26"))
                .body("sources", empty())
                .body("articles", empty())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/claims/" + id);
        var row = Db.row("select quantity_measure, quantity_qualifier, quantity_value, status from claim where id = ?",
                UUID.fromString(id));
        assertThat(row).containsEntry("quantity_measure", "KILLED").containsEntry("quantity_qualifier", "MORE_THAN")
                .containsEntry("status", "UNVERIFIED");
        assertThat((BigDecimal) row.get("quantity_value")).isEqualByComparingTo("70");
    }

    @Test
    void shouldStampCreationOnceAndEveryChangeOfTheClaimOrItsSources() {
        var created = Fixtures.create("/api/v1/claims", overSeventyKilled());
        String id = created.path("id");
        Instant createdAt = Instant.parse(created.path("createdAt"));
        Instant firstUpdate = Instant.parse(created.path("updatedAt"));
        assertThat(firstUpdate).isAfterOrEqualTo(createdAt);
        var read = given().when().get("/api/v1/claims/{id}", id).then().statusCode(200).extract();
        assertThat(Instant.parse(read.path("createdAt"))).as("the answer equals a later read").isEqualTo(createdAt);
        assertThat(Instant.parse(read.path("updatedAt"))).isEqualTo(firstUpdate);

        var patched = given().header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body(Map.of("claimant", "Reuters")).when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(200).extract();
        Instant secondUpdate = Instant.parse(patched.path("updatedAt"));
        assertThat(secondUpdate).isAfter(firstUpdate);
        assertThat(Instant.parse(patched.path("createdAt"))).isEqualTo(createdAt);
        var row = Db.row("select created_at, updated_at from claim where id = ?", UUID.fromString(id));
        assertThat(((java.sql.Timestamp) row.get("created_at")).toInstant()).isEqualTo(createdAt);
        assertThat(((java.sql.Timestamp) row.get("updated_at")).toInstant()).isEqualTo(secondUpdate);

        Fixtures.create("/api/v1/claims/" + id + "/sources", pentagonBriefing("SUPPORTS"));
        var afterSource = given().when().get("/api/v1/claims/{id}", id).then().statusCode(200)
                .header("ETag", "\"2\"").extract();
        assertThat(Instant.parse(afterSource.path("updatedAt"))).as("a new source changes its claim").isAfter(secondUpdate);
        assertThat(Instant.parse(afterSource.path("createdAt"))).isEqualTo(createdAt);
    }

    @Test
    void shouldRecordAnAttribution() {
        given().contentType(ContentType.JSON).body(officialsAccuseIsisK())
                .when().post("/api/v1/claims")
                .then().statusCode(201)
                .body("attribution.actor", equalTo("ISIS-K"))
                .body("attribution.role", equalTo("ACCUSED"))
                .body("attribution.attributedBy", equalTo("U.S. officials"))
                .body("quantity", nullValue());
    }

    @Test
    void shouldEmbedSourcesAndArticleLinksInOneClaim() {
        String claim = createClaim(overSeventyKilled());
        String article = createArticle();
        String source = Fixtures.create("/api/v1/claims/" + claim + "/sources", pentagonBriefing("SUPPORTS")).path("id");
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN", "excerpt", "killed over 70 people"))
                .when().put("/api/v1/claims/{id}/articles/{articleId}", claim, article)
                .then().statusCode(201);

        given().when().get("/api/v1/claims/{id}", claim)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("sources.id", contains(source))
                .body("sources[0].stance", equalTo("SUPPORTS"))
                .body("articles.articleId", contains(article))
                .body("articles[0].role", equalTo("APPEARS_IN"))
                .body("articles[0].excerpt", equalTo("killed over 70 people"))
                .body("articles[0].title", equalTo("Here's what we know about ISIS-K, the group behind the deadly Kabul bombings"))
                .body("articles[0].url", notNullValue());
    }

    @Test
    void shouldFilterClaimsByStatusTypeClaimantTagAndArticle() {
        String tag = "tag-" + UUID.randomUUID();
        var killed = overSeventyKilled();
        killed.put("tags", List.of(tag));
        var accused = officialsAccuseIsisK();
        accused.put("tags", List.of(tag));
        accused.put("status", "IN_REVIEW");
        String killedId = createClaim(killed);
        String accusedId = createClaim(accused);
        String article = createArticle();
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .put("/api/v1/claims/{id}/articles/{articleId}", accusedId, article).then().statusCode(201);

        given().queryParam("tag", tag).when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(accusedId, killedId));
        given().queryParam("tag", tag).queryParam("type", "CASUALTY_COUNT").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(killedId));
        given().queryParam("tag", tag).queryParam("status", "IN_REVIEW").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(accusedId));
        given().queryParam("tag", tag).queryParam("claimant", "u.s. OFFICIALS").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(accusedId));
        given().queryParam("articleId", article).when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(accusedId));
        given().queryParam("tag", tag).queryParam("status", "VERIFIED").when().get("/api/v1/claims")
                .then().statusCode(200).body("items", empty()).body("nextCursor", nullValue());
    }

    @Test
    void shouldListTheClaimsOfAnArticleWithTheirRoles() {
        String article = createArticle();
        String first = createClaim(overSeventyKilled());
        String second = createClaim(atLeastTwelveServiceMembers());
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .put("/api/v1/claims/{id}/articles/{articleId}", first, article).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("role", "FACT_CHECKED_IN"))
                .put("/api/v1/claims/{id}/articles/{articleId}", second, article).then().statusCode(201);

        given().when().get("/api/v1/articles/{id}/claims", article)
                .then().statusCode(200)
                .body("items.claimId", contains(second, first))
                .body("items.role", contains("FACT_CHECKED_IN", "APPEARS_IN"))
                .body("items[1].statement", equalTo("Two explosions killed over 70 people"));
    }

    @Test
    void shouldMergeAPatchIntoTheNestedQuantity() {
        String id = createClaim(overSeventyKilled());
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("quantity", Map.of("value", 90), "explanation", "revised toll"))
                .when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("quantity.value", equalTo(90))
                .body("quantity.qualifier", equalTo("MORE_THAN"))
                .body("quantity.measure", equalTo("KILLED"))
                .body("explanation", equalTo("revised toll"));
        assertThat((BigDecimal) Db.value("select quantity_value from claim where id = ?", UUID.fromString(id)))
                .isEqualByComparingTo("90");
    }

    @Test
    void shouldClearAnOptionalFieldWithNull() {
        String id = createClaim(overSeventyKilled());
        var patch = new HashMap<String, Object>();
        patch.put("claimant", null);
        patch.put("location", null);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(patch)
                .when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(200).body("claimant", nullValue()).body("location", nullValue());
        assertThat(Db.value("select claimant from claim where id = ?", UUID.fromString(id))).isNull();
    }

    @Test
    void shouldAcceptPlainJsonForAPatch() {
        String id = createClaim(overSeventyKilled());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("claimant", "Reuters"))
                .when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(200).body("claimant", equalTo("Reuters"));
    }

    @Test
    void shouldRefuseToPatchUnknownOrReadOnlyProperties() {
        String id = createClaim(overSeventyKilled());
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("version", 7, "verdictScore", 3))
                .when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://claimledger.org/problems/unknown-property"))
                .body("errors.field", hasItem("version"))
                .body("errors.field", hasItem("verdictScore"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("quantity", Map.of("confidence", "high")))
                .when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("quantity.confidence"));
        assertThat(Db.value("select version from claim where id = ?", UUID.fromString(id))).isEqualTo(0L);
    }

    @Test
    void shouldValidateTheMergedClaimLikeACreate() {
        String id = createClaim(overSeventyKilled());
        var patch = new HashMap<String, Object>();
        patch.put("quantity", null);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(patch)
                .when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(422)
                .body("errors.field", contains("quantity"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("quantity", Map.of("qualifier", "RANGE", "value", 70, "upperValue", 60)))
                .when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(422)
                .body("errors.field", contains("quantity.upperValue"));
        assertThat(Db.value("select quantity_measure from claim where id = ?", UUID.fromString(id))).isEqualTo("KILLED");
    }

    @Test
    void shouldRequireIfMatchAndRefuseAStaleOne() {
        String id = createClaim(overSeventyKilled());
        given().contentType("application/merge-patch+json").body(Map.of("claimant", "Reuters"))
                .when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType("application/merge-patch+json").header("If-Match", "\"stale\"")
                .body(Map.of("claimant", "Reuters"))
                .when().patch("/api/v1/claims/{id}", id)
                .then().statusCode(412).contentType("application/problem+json")
                .header("ETag", "\"0\"")
                .body("currentEtag", equalTo("\"0\""));
        assertThat(Db.value("select claimant from claim where id = ?", UUID.fromString(id))).isEqualTo("Global News");
    }

    @Test
    void shouldAnswerNotModifiedWhenTheEtagStillMatches() {
        String id = createClaim(overSeventyKilled());
        given().header("If-None-Match", "\"0\"")
                .when().get("/api/v1/claims/{id}", id)
                .then().statusCode(304).header("ETag", "\"0\"").body(equalTo(""));
        given().header("If-None-Match", "\"5\"")
                .when().get("/api/v1/claims/{id}", id)
                .then().statusCode(200);
    }

    @Test
    void shouldSoftDeleteAClaimKeepingItsRow() {
        String id = createClaim(overSeventyKilled());
        given().when().delete("/api/v1/claims/{id}", id).then().statusCode(428);
        given().header("If-Match", "\"0\"").when().delete("/api/v1/claims/{id}", id).then().statusCode(204);

        given().when().get("/api/v1/claims/{id}", id)
                .then().statusCode(410).contentType("application/problem+json");
        given().queryParam("limit", 200).when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        var row = Db.row("select statement, deleted_at from claim where id = ?", UUID.fromString(id));
        assertThat(row.get("statement")).isEqualTo("Two explosions killed over 70 people");
        assertThat(row.get("deleted_at")).isNotNull();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownClaim() {
        given().when().get("/api/v1/claims/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://claimledger.org/problems/not-found"))
                .body("status", equalTo(404))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void shouldPageThroughClaimsWithACursor() {
        String tag = "paged-" + UUID.randomUUID();
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var claim = overSeventyKilled();
            claim.put("tags", List.of(tag));
            ids.add(0, createClaim(claim));
        }
        var first = given().queryParam("tag", tag).queryParam("limit", 2).when().get("/api/v1/claims")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue()).extract();
        assertThat(first.header("Link")).contains("rel=\"next\"").contains("cursor=");
        String cursor = first.path("nextCursor");
        var second = given().queryParam("tag", tag).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/claims").then().statusCode(200).extract();
        var third = given().queryParam("tag", tag).queryParam("limit", 2).queryParam("cursor", (String) second.path("nextCursor"))
                .when().get("/api/v1/claims").then().statusCode(200).body("nextCursor", nullValue()).extract();
        var seen = new java.util.ArrayList<String>();
        seen.addAll(first.path("items.id"));
        seen.addAll(second.path("items.id"));
        seen.addAll(third.path("items.id"));
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(third.header("Link")).isNull();
    }
}
