package org.claimledger.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.create;
import static org.claimledger.support.Fixtures.createArticle;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The claim list: each claim shown exactly as GET shows it, and the list's content ETag, the hash of
 * exactly the bytes sent, moving when what is shown moves.
 */
@QuarkusTest
class ClaimListTest extends ApiTest {

    /** Claims carrying a tag no other test writes, so the list shows only this test's claims. */
    private static String tagged(String tag) {
        var claim = overSeventyKilled();
        claim.put("tags", List.of(tag));
        return createClaim(claim);
    }

    private static String newTag() {
        return "etag-" + UUID.randomUUID();
    }

    private static ExtractableResponse<Response> list(String tag) {
        return given().queryParam("tag", tag).queryParam("limit", 2).when().get("/api/v1/claims")
                .then().statusCode(200).contentType(ContentType.JSON).extract();
    }

    @Test
    void shouldShowEveryClaimAsGetShowsIt() {
        String tag = newTag();
        var dated = overSeventyKilled();
        dated.put("tags", List.of(tag, "kabul-airport-attack"));
        dated.put("claimDate", "2021-08");
        dated.put("eventDate", "2019/2020");
        dated.put("explanation", "Reported by the ministry");
        dated.put("quantity", Map.of("measure", "KILLED", "subject", "people", "qualifier", "RANGE", "value", 70.5,
                "upperValue", 90, "unit", "persons"));
        String withEverything = createClaim(dated);
        create("/api/v1/claims/" + withEverything + "/sources", pentagonBriefing("SUPPORTS"));
        create("/api/v1/claims/" + withEverything + "/sources", pentagonBriefing("REFUTES"));
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN", "excerpt", "more than 70 people"))
                .when().put("/api/v1/claims/{id}/articles/{articleId}", withEverything, createArticle())
                .then().statusCode(201);
        var accused = org.claimledger.support.Fixtures.officialsAccuseIsisK();
        accused.put("tags", List.of(tag));
        String bare = createClaim(accused);

        var listed = given().queryParam("tag", tag).queryParam("sort", "createdAt").when().get("/api/v1/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.id")).containsExactly(withEverything, bare);
        for (int i = 0; i < 2; i++) {
            String id = listed.getString("items[" + i + "].id");
            Map<String, Object> got = given().when().get("/api/v1/claims/{id}", id).then().statusCode(200)
                    .extract().jsonPath().getMap("$");
            assertThat(listed.getMap("items[" + i + "]")).as(id).isEqualTo(got);
        }
        assertThat(listed.getList("items[0].sources.stance")).containsExactly("SUPPORTS", "REFUTES");
        assertThat(listed.getString("items[0].quantity.qualifier")).isEqualTo("RANGE");
        assertThat(listed.getString("items[1].attribution.actor")).isEqualTo("ISIS-K");
        assertThat(listed.getMap("items[1]")).doesNotContainKey("quantity");
    }

    @Test
    void shouldTagTheListWithTheHashOfTheBytesItSends() throws Exception {
        String tag = newTag();
        tagged(tag);
        String first = tagged(tag);
        create("/api/v1/claims/" + first + "/sources", pentagonBriefing("SUPPORTS"));

        var listed = list(tag);
        byte[] body = listed.asByteArray();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        assertThat(listed.header("ETag")).isEqualTo("\"" + hash + "\"");
        assertThat(listed.jsonPath().getList("items.id")).hasSize(2);
        assertThat(listed.jsonPath().getList("items[0].sources.title")).containsExactly(
                "Pentagon briefing on the Kabul airport attack");
    }

    @Test
    void shouldKeepTheListETagWhileNothingShownChanges() {
        String tag = newTag();
        tagged(tag);
        tagged(tag);
        String before = list(tag).header("ETag");

        tagged(newTag()); // a claim the list does not show
        assertThat(list(tag).header("ETag")).isEqualTo(before);
    }

    @Test
    void shouldMoveTheListETagWhenAShownClaimsSourceOrLinkedArticleChanges() {
        String tag = newTag();
        String claim = tagged(tag);
        String before = list(tag).header("ETag");

        var source = create("/api/v1/claims/" + claim + "/sources", pentagonBriefing("SUPPORTS"));
        String withSource = list(tag).header("ETag");
        assertThat(withSource).isNotEqualTo(before);

        given().contentType("application/merge-patch+json").header("If-Match", source.header("ETag"))
                .body(Map.of("title", "Pentagon briefing, revised"))
                .when().patch("/api/v1/claims/{id}/sources/{sourceId}", claim, source.path("id"))
                .then().statusCode(200);
        String revised = list(tag).header("ETag");
        assertThat(revised).isNotEqualTo(withSource);

        String article = createArticle();
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .when().put("/api/v1/claims/{id}/articles/{articleId}", claim, article)
                .then().statusCode(201);
        String linked = list(tag).header("ETag");
        assertThat(linked).isNotEqualTo(revised);

        String articleEtag = given().when().get("/api/v1/articles/{id}", article).then().extract().header("ETag");
        given().contentType("application/merge-patch+json").header("If-Match", articleEtag)
                .body(Map.of("title", "What we know about the Kabul bombings"))
                .when().patch("/api/v1/articles/{id}", article)
                .then().statusCode(200);
        assertThat(list(tag).header("ETag")).isNotEqualTo(linked);
        assertThat(list(tag).jsonPath().getString("items[0].articles[0].title"))
                .isEqualTo("What we know about the Kabul bombings");
    }
}
