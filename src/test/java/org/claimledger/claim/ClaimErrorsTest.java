package org.claimledger.claim;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.claimledger.support.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refused create answers a clear problem and leaves PostgreSQL as it was. */
@QuarkusTest
class ClaimErrorsTest extends ApiTest {

    private Map<String, Long> before;

    @BeforeEach
    void countRows() {
        before = Db.tableCounts();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(Db.tableCounts()).isEqualTo(before);
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/claims")
                .then().contentType("application/problem+json")
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("at org.")));
    }

    @Test
    void shouldRefuseMalformedJson() {
        post("{\"statement\": \"Two explosions\", ").statusCode(400)
                .body("type", equalTo("https://claimledger.org/problems/malformed-request"));
    }

    @Test
    void shouldRefuseADuplicateKeyNamingIt() {
        post("{\"statement\": \"Two explosions killed over 70 people\", \"type\": \"OTHER\", "
                + "\"statement\": \"No one was hurt\"}").statusCode(400)
                .body("type", equalTo("https://claimledger.org/problems/malformed-request"))
                .body("detail", containsString("'statement'"))
                .body("errors[0].field", equalTo("statement"));
        post("{\"statement\": \"x\", \"type\": \"ATTRIBUTION\", \"attribution\": {\"actor\": \"ISIS-K\", "
                + "\"role\": \"ACCUSED\", \"actor\": \"Taliban\"}}").statusCode(400)
                .body("detail", containsString("'actor'"));
    }

    @Test
    void shouldRefuseBidiControlsInNamesAndTags() {
        post("{\"statement\": \"x\", \"type\": \"OTHER\", \"claimant\": \"Global \\u202Eswen\"}").statusCode(422)
                .body("errors[0].field", equalTo("claimant"));
        post("{\"statement\": \"x\", \"type\": \"OTHER\", \"tags\": [\"kabul\", \"\\u2066isis\\u2069\"]}")
                .statusCode(422).body("errors[0].field", equalTo("tags[1]"));
        post("{\"statement\": \"x\", \"type\": \"ATTRIBUTION\", \"attribution\": {\"actor\": \"\\u202AISIS-K\", "
                + "\"role\": \"ACCUSED\"}}").statusCode(422).body("errors[0].field", equalTo("attribution.actor"));
    }

    @Test
    void shouldRefuseAnUnpairedSurrogate() {
        post("{\"statement\": \"Two explosions \\ud800 killed\", \"type\": \"OTHER\"}").statusCode(400)
                .body("errors[0].field", equalTo("statement"))
                .body("detail", containsString("surrogate"));
        post("{\"statement\": \"x\", \"type\": \"OTHER\", \"claimant\": \"\\udc00\"}").statusCode(400)
                .body("errors[0].field", equalTo("claimant"));
    }

    @Test
    void shouldRefuseAnOversizedBodyWithPayloadTooLargeAlsoWhenChunked() throws Exception {
        String big = "{\"statement\": \"" + "x".repeat(300 * 1024) + "\", \"type\": \"OTHER\"}";
        post(big).statusCode(413).body("type", equalTo("https://claimledger.org/problems/payload-too-large"));

        // no Content-Length: the body comes in chunks and is counted as it is read
        var chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/claims"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        var answer = java.net.http.HttpClient.newHttpClient().send(chunked,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("payload-too-large");
    }

    @Test
    void shouldRefuseAWrongJsonType() {
        post("{\"statement\": 70, \"type\": \"OTHER\"}").statusCode(400)
                .body("errors[0].field", equalTo("statement"));
        post("{\"statement\": \"x\", \"type\": \"QUANTITY\", \"quantity\": {\"measure\": \"KILLED\", \"qualifier\": \"EXACT\", \"value\": \"70\"}}")
                .statusCode(400).body("errors[0].field", equalTo("quantity.value"));
        post("[1, 2]").statusCode(400);
    }

    @Test
    void shouldRefuseAnUnknownEnumValueListingTheAllowedOnes() {
        post("{\"statement\": \"x\", \"type\": \"RUMOUR\"}").statusCode(400)
                .body("errors[0].field", equalTo("type"))
                .body("allowedValues", hasItem("CASUALTY_COUNT"))
                .body("allowedValues", hasItem("OTHER"));
    }

    @Test
    void shouldRefuseABadDate() {
        post("{\"statement\": \"x\", \"type\": \"OTHER\", \"claimDate\": \"26/08/2021\"}").statusCode(400)
                .body("errors[0].field", equalTo("claimDate"));
    }

    @Test
    void shouldRefuseAnUnknownProperty() {
        post("{\"statement\": \"x\", \"type\": \"OTHER\", \"id\": \"0190f1c2-8a4e-7b3c-9d2e-1f0a2b3c4d5e\"}")
                .statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldRequireTheQuantityOfACasualtyCount() {
        post("{\"statement\": \"Two explosions killed over 70 people\", \"type\": \"CASUALTY_COUNT\"}").statusCode(422)
                .body("type", equalTo("https://claimledger.org/problems/validation-failed"))
                .body("errors.field", contains("quantity"));
    }

    @Test
    void shouldNameEveryBrokenField() {
        post("{\"statement\": \"\", \"type\": \"ATTRIBUTION\", \"language\": \"english please\"}").statusCode(422)
                .body("errors.field", contains("attribution", "language", "statement"));
    }

    @Test
    void shouldRefuseAnOversizedStatement() {
        post("{\"statement\": \"" + "x".repeat(2001) + "\", \"type\": \"OTHER\"}").statusCode(422)
                .body("errors.field", contains("statement"));
    }

    @Test
    void shouldRefuseAnUpperValueBelowTheValue() {
        post("{\"statement\": \"between 60 and 70 killed\", \"type\": \"CASUALTY_COUNT\", \"quantity\": "
                + "{\"measure\": \"KILLED\", \"qualifier\": \"RANGE\", \"value\": 70, \"upperValue\": 60}}").statusCode(422)
                .body("errors.field", contains("quantity.upperValue"));
    }

    @Test
    void shouldRefuseANegativeFigure() {
        post("{\"statement\": \"x\", \"type\": \"QUANTITY\", \"quantity\": "
                + "{\"measure\": \"OTHER\", \"qualifier\": \"EXACT\", \"value\": -1}}").statusCode(422)
                .body("errors.field", contains("quantity.value"));
    }

    @Test
    void shouldRefuseAQuantityOnAnEventClaim() {
        var claim = overSeventyKilled();
        claim.put("type", "EVENT");
        given().contentType(ContentType.JSON).body(claim).when().post("/api/v1/claims")
                .then().statusCode(422).body("errors.field", contains("quantity"));
    }

    @Test
    void shouldRefuseNulCharacters() {
        post("{\"statement\": \"killed\\u0000\", \"type\": \"OTHER\"}").statusCode(400);
    }

    @Test
    void shouldRefuseAWrongContentType() {
        given().contentType(ContentType.TEXT).body("Two explosions killed over 70 people")
                .when().post("/api/v1/claims")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseABadUuid() {
        given().when().get("/api/v1/claims/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("articleId", "nope").when().get("/api/v1/claims")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseBadListParameters() {
        given().queryParam("limit", 201).when().get("/api/v1/claims").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("status", "TRUE").when().get("/api/v1/claims").then().statusCode(400)
                .body("allowedValues", hasItem("VERIFIED"));
        given().queryParam("sort", "statement").when().get("/api/v1/claims").then().statusCode(400);
        given().queryParam("cursor", "garbage").when().get("/api/v1/claims").then().statusCode(400);
        given().queryParam("updatedSince", "yesterday").when().get("/api/v1/claims").then().statusCode(400);
    }

    @Test
    void shouldNameTheBadQueryParameterAndSayWhatItTakes() {
        Map<String, String> expected = Map.of(
                "status", "status must be one of [UNVERIFIED, IN_REVIEW, VERIFIED, FALSE, MISLEADING, DISPUTED, UNPROVEN, SUPERSEDED]",
                "articleId", "articleId must be a UUID",
                "updatedSince", "updatedSince must be an RFC 3339 timestamp between the years 0001 and 9999, such as 2021-08-26T00:00:00Z",
                "claimDate", "claimDate: 'last-summer' is not a date with the precision the source gives: 2021-08-26, 2021-08, "
                        + "2021, or an interval such as 2019/2020 or 2019-05/2019-07",
                "excludeDuplicates", "excludeDuplicates must be true or false",
                "limit", "limit must be a whole number from 1 to 200");
        Map<String, String> sent = Map.of("status", "TRUE", "articleId", "nope", "updatedSince", "yesterday",
                "claimDate", "last-summer", "excludeDuplicates", "yes", "limit", "many");
        expected.forEach((name, detail) -> given().queryParam(name, sent.get(name)).when().get("/api/v1/claims")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://claimledger.org/problems/invalid-parameter"))
                .body("parameter", equalTo(name)).body("detail", equalTo(detail)));
        given().queryParam("limit", 0).when().get("/api/v1/claims/{id}/similar", java.util.UUID.randomUUID())
                .then().statusCode(400).body("parameter", equalTo("limit"))
                .body("detail", equalTo("limit must be a whole number from 1 to 50"));
    }

    @Test
    void shouldRefuseATamperedCursor() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(overSeventyKilled()).post("/api/v1/claims").then().statusCode(201);
        }
        before = Db.tableCounts();
        String cursor = given().queryParam("limit", 1).when().get("/api/v1/claims").then().statusCode(200)
                .extract().path("nextCursor");
        String tampered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);
        given().queryParam("limit", 1).queryParam("cursor", tampered).when().get("/api/v1/claims")
                .then().statusCode(400).body("parameter", equalTo("cursor"));
        given().queryParam("limit", 1).queryParam("sort", "createdAt").queryParam("cursor", cursor)
                .when().get("/api/v1/claims").then().statusCode(400);
    }

    @Test
    void shouldAnswerUnknownRoutesAndMethodsWithProblems() {
        given().when().get("/api/v1/verdicts").then().statusCode(404).contentType("application/problem+json");
        given().when().put("/api/v1/claims").then().statusCode(405).contentType("application/problem+json");
    }
}
