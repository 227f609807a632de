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
 * The claim list: each claim shown exactly as GET shows it, and no ETag, like every page; a
 * content-tagged answer's ETag is the hash of exactly the bytes sent.
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
    void shouldAnswerTheListWithoutAnETagLikeEveryPage() {
        String tag = newTag();
        tagged(tag);
        var listed = list(tag);
        // its content moves with every write to anything it shows; the contract gives pages no ETag
        assertThat(listed.header("ETag")).isNull();
        assertThat(listed.jsonPath().getList("items.id")).hasSize(1);
    }

    @Test
    void shouldTagAContentTaggedAnswerWithTheHashOfTheBytesItSends() throws Exception {
        tagged(newTag());
        var stats = given().when().get("/api/v1/stats/claims").then().statusCode(200).extract();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stats.asByteArray()), 0, 16);
        assertThat(stats.header("ETag")).isEqualTo("\"" + hash + "\"");
        given().header("If-None-Match", stats.header("ETag")).when().get("/api/v1/stats/claims").then().statusCode(304);
    }
}
