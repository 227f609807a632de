package org.claimledger.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data from the Global News article on the August 2021 Kabul airport bombings, built through
 * the API the way a fact-checker would record it.
 */
public final class Fixtures {

    /** The casualty count of the article, as the JSON a client posts (for tests that talk to a packaged service). */
    public static final String OVER_SEVENTY_KILLED_JSON = "{\"statement\": \"Two explosions killed over 70 people\", "
            + "\"type\": \"CASUALTY_COUNT\", \"quantity\": {\"measure\": \"KILLED\", \"qualifier\": \"MORE_THAN\", \"value\": 70}}";

    private Fixtures() {
    }

    /** A url no other test uses, so that tests stay independent in one database. */
    public static String uniqueUrl() {
        return "https://globalnews.ca/news/8143924/isis-k-kabul-airport-attack-" + UUID.randomUUID() + "/";
    }

    public static Map<String, Object> globalNewsArticle() {
        return globalNewsArticle(uniqueUrl());
    }

    public static Map<String, Object> globalNewsArticle(String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("title", "Here's what we know about ISIS-K, the group behind the deadly Kabul bombings");
        body.put("publisher", "Global News");
        body.put("authors", List.of("Global News staff"));
        body.put("publishedAt", "2021-08-26T18:30:00Z");
        body.put("language", "en");
        return body;
    }

    public static Map<String, Object> overSeventyKilled() {
        return casualty("Two explosions killed over 70 people", "KILLED", "MORE_THAN", 70, "people");
    }

    public static Map<String, Object> atLeastTwelveServiceMembers() {
        return casualty("Including at least 12 U.S. military members", "KILLED", "AT_LEAST", 12, "U.S. military members");
    }

    public static Map<String, Object> moreThan140Injured() {
        return casualty("The attack injured more than 140 others", "INJURED", "MORE_THAN", 140, "people");
    }

    public static Map<String, Object> casualty(String statement, String measure, String qualifier, Number value,
            String subject) {
        Map<String, Object> quantity = new LinkedHashMap<>();
        quantity.put("measure", measure);
        quantity.put("subject", subject);
        quantity.put("qualifier", qualifier);
        quantity.put("value", value);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement", statement);
        body.put("type", "CASUALTY_COUNT");
        body.put("claimant", "Global News");
        body.put("claimDate", "2021-08-26");
        body.put("language", "en");
        body.put("location", "Kabul, Afghanistan");
        body.put("eventDate", "2021-08-26");
        body.put("tags", List.of("kabul-airport-attack"));
        body.put("quantity", quantity);
        return body;
    }

    public static Map<String, Object> officialsAccuseIsisK() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement", "U.S. officials accused ISIS-K of the attacks");
        body.put("type", "ATTRIBUTION");
        body.put("claimant", "U.S. officials");
        body.put("claimDate", "2021-08-26");
        body.put("tags", List.of("kabul-airport-attack", "isis-k"));
        body.put("attribution", Map.of("actor", "ISIS-K", "role", "ACCUSED", "attributedBy", "U.S. officials"));
        return body;
    }

    public static Map<String, Object> pentagonBriefing(String stance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "https://www.defense.gov/News/Transcripts/kabul-" + UUID.randomUUID());
        body.put("title", "Pentagon briefing on the Kabul airport attack");
        body.put("publisher", "U.S. Department of Defense");
        body.put("kind", "OFFICIAL");
        body.put("stance", stance);
        body.put("accessedAt", "2021-08-27T09:00:00Z");
        return body;
    }

    public static ExtractableResponse<Response> create(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201).extract();
    }

    public static String createArticle() {
        return create("/api/v1/articles", globalNewsArticle()).path("id");
    }

    public static String createClaim(Map<String, Object> body) {
        return create("/api/v1/claims", body).path("id");
    }

    public static String etagOf(String path) {
        return given().when().get(path).then().statusCode(200).extract().header("ETag");
    }
}
