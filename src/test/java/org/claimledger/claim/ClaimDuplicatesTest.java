package org.claimledger.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.etagOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

/** Possible duplicates on create, similar claims, and the confirmed duplicate link with its rules. */
@QuarkusTest
class ClaimDuplicatesTest extends ApiTest {

    private static final Random RANDOM = new Random();

    /** A place no other test names, so that matches are this test's claims. */
    private static String place() {
        StringBuilder w = new StringBuilder("Zq");
        for (int i = 0; i < 9; i++) {
            w.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return w.toString();
    }

    private static Map<String, Object> killedIn(String place, String statement, String qualifier, int value) {
        var body = Fixtures.casualty(statement, "KILLED", qualifier, value, "people");
        body.put("location", place);
        body.put("claimDate", "2017-05-02");
        body.put("tags", List.of("tag-" + place.toLowerCase()));
        return body;
    }

    @Test
    void shouldAnswerACreateWithTheClaimsItMayDuplicateAndStillCreateIt() {
        String place = place();
        String tracked = createClaim(killedIn(place, "A car bomb in " + place + " killed more than 70 people", "MORE_THAN", 70));
        createClaim(killedIn(place, "A car bomb in " + place + " killed more than 700 people", "MORE_THAN", 700));

        var created = given().contentType(ContentType.JSON)
                .body(killedIn(place, "Over seventy dead in " + place + " car bombing", "MORE_THAN", 70))
                .when().post("/api/v1/claims").then().statusCode(201)
                .body("possibleDuplicates[0].claimId", equalTo(tracked))
                .body("possibleDuplicates[0].reasons.sameQuantity", equalTo(true))
                .body("possibleDuplicates[0].reasons.sharedTags", contains("tag-" + place.toLowerCase()))
                .body("possibleDuplicates.size()", org.hamcrest.Matchers.lessThanOrEqualTo(3))
                .extract();
        float score = created.path("possibleDuplicates[0].score");
        assertThat(score).isBetween(0.5f, 1f);
        String id = created.path("id");
        assertThat(Db.count("select count(*) from claim where id = ?", UUID.fromString(id))).isEqualTo(1);
        // a plain read does not carry them
        given().when().get("/api/v1/claims/{id}", id).then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("possibleDuplicates")));
    }

    @Test
    void shouldListTheClaimsARecordedClaimMaySayTheSameAs() {
        String place = place();
        String tracked = createClaim(killedIn(place, "A car bomb in " + place + " killed more than 70 people", "MORE_THAN", 70));
        String other = createClaim(killedIn(place, "Seventy-two people died when a car bomb exploded in " + place, "EXACT", 72));

        given().queryParam("limit", 5).when().get("/api/v1/claims/{id}/similar", other).then().statusCode(200)
                .body("items[0].claimId", equalTo(tracked))
                .body("items.claimId", not(hasItem(other)))
                .body("nextCursor", nullValue());
    }

    @Test
    void shouldRecordADuplicateUnderIfMatchShowItInTheClaimHistoryAndListsAndUndoIt() {
        String place = place();
        String tracked = createClaim(killedIn(place, "A car bomb in " + place + " killed more than 70 people", "MORE_THAN", 70));
        String duplicate = createClaim(killedIn(place, "Over 70 killed by a car bomb in " + place, "MORE_THAN", 70));
        String path = "/api/v1/claims/{id}/duplicate-of";

        given().contentType(ContentType.JSON).body(Map.of("claimId", tracked)).when().post(path, duplicate)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"99\"").body(Map.of("claimId", tracked))
                .when().post(path, duplicate).then().statusCode(412).contentType("application/problem+json");
        assertThat(Db.value("select duplicate_of from claim where id = ?", UUID.fromString(duplicate))).isNull();

        String etag = etagOf("/api/v1/claims/" + duplicate);
        String marked = given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("claimId", tracked))
                .when().post(path, duplicate).then().statusCode(200)
                .body("duplicateOf", equalTo(tracked)).header("ETag", not(equalTo(etag))).extract().header("ETag");
        assertThat(Db.value("select duplicate_of from claim where id = ?", UUID.fromString(duplicate)))
                .isEqualTo(UUID.fromString(tracked));
        given().when().get("/api/v1/claims/{id}", duplicate).then().statusCode(200).body("duplicateOf", equalTo(tracked));
        given().when().get("/api/v1/claims/{id}/history", duplicate).then().statusCode(200)
                .body("items[0].changes.field", hasItem("duplicateOf"))
                .body("items[0].changes.find { it.field == 'duplicateOf' }.to", equalTo(tracked));

        String tag = "tag-" + place.toLowerCase();
        given().queryParam("duplicateOf", tracked).when().get("/api/v1/claims").then().statusCode(200)
                .body("items.id", contains(duplicate));
        given().queryParam("tag", tag).queryParam("excludeDuplicates", "true").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(tracked));
        given().queryParam("tag", tag).when().get("/api/v1/claims").then().statusCode(200)
                .body("items.id", contains(duplicate, tracked));
        // a confirmed duplicate is no longer offered as a match: the claim it points at is
        given().queryParam("limit", 50).when().get("/api/v1/claims/{id}/similar", tracked).then().statusCode(200)
                .body("items.claimId", not(hasItem(duplicate)));

        given().header("If-Match", marked).when().delete(path, duplicate).then().statusCode(200)
                .body("duplicateOf", nullValue());
        assertThat(Db.value("select duplicate_of from claim where id = ?", UUID.fromString(duplicate))).isNull();
        given().when().get("/api/v1/claims/{id}/history", duplicate).then().statusCode(200)
                .body("items[0].changes.find { it.field == 'duplicateOf' }.from", equalTo(tracked));
        given().header("If-Match", etagOf("/api/v1/claims/" + duplicate)).when().delete(path, duplicate)
                .then().statusCode(409).body("type", equalTo("https://claimledger.org/problems/invalid-duplicate"));
    }

    @Test
    void shouldRefuseChainsSelfLinksAndMissingClaimsWritingNothing() {
        String place = place();
        String a = createClaim(killedIn(place, "A car bomb in " + place + " killed more than 70 people", "MORE_THAN", 70));
        String b = createClaim(killedIn(place, "Over 70 killed by a car bomb in " + place, "MORE_THAN", 70));
        String c = createClaim(killedIn(place, "Seventy dead in " + place, "MORE_THAN", 70));
        mark(b, a).statusCode(200);

        // a points at nothing yet, but b duplicates it: a may not become a duplicate (b -> a -> c)
        mark(a, c).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://claimledger.org/problems/invalid-duplicate"));
        // b is a duplicate: nothing may point at it (c -> b -> a)
        mark(c, b).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("itself a duplicate"));
        mark(c, c).statusCode(409);
        mark(c, UUID.randomUUID().toString()).statusCode(422).body("errors[0].field", equalTo("claimId"));
        given().contentType(ContentType.JSON).header("If-Match", etagOf("/api/v1/claims/" + c)).body(Map.of())
                .when().post("/api/v1/claims/{id}/duplicate-of", c).then().statusCode(422);
        assertThat(Db.value("select duplicate_of from claim where id = ?", UUID.fromString(a))).isNull();
        assertThat(Db.value("select duplicate_of from claim where id = ?", UUID.fromString(c))).isNull();
    }

    @Test
    void shouldRefuseBadMatchRequests() {
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/claims:match")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("statement"));
        var huge = Fixtures.overSeventyKilled();
        huge.put("statement", "x".repeat(10_240));
        given().contentType(ContentType.JSON).body(huge).when().post("/api/v1/claims:match")
                .then().statusCode(422).body("errors.field", hasItem("statement"));
        for (String limit : List.of("0", "51", "-1", "ten")) {
            given().contentType(ContentType.JSON).body(Fixtures.overSeventyKilled()).queryParam("limit", limit)
                    .when().post("/api/v1/claims:match").then().statusCode(400).contentType("application/problem+json");
        }
        given().queryParam("limit", 500).when().get("/api/v1/claims/{id}/similar", UUID.randomUUID())
                .then().statusCode(400);
        given().when().get("/api/v1/claims/{id}/similar", UUID.randomUUID()).then().statusCode(404);
        given().queryParam("excludeDuplicates", "maybe").when().get("/api/v1/claims").then().statusCode(400);
        // the colon may come percent-encoded
        given().contentType(ContentType.JSON).body(Fixtures.overSeventyKilled()).urlEncodingEnabled(false)
                .when().post("/api/v1/claims%3Amatch").then().statusCode(200).body("items", notNullValue());
    }

    private static io.restassured.response.ValidatableResponse mark(String id, String target) {
        return given().contentType(ContentType.JSON).header("If-Match", etagOf("/api/v1/claims/" + id))
                .body(Map.of("claimId", target)).when().post("/api/v1/claims/{id}/duplicate-of", id).then();
    }
}
