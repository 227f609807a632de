package org.claimledger.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

/** Search that finds what people mean: every field, each claim's own language, accents, typos. */
@QuarkusTest
class ClaimSearchLanguageTest extends ApiTest {

    private static final Random RANDOM = new Random();

    /** A word of letters no other test writes, so that a search sees only this test's claims. */
    private static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            w.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return w.toString();
    }

    /** Every claim the query finds, following nextCursor to the end. */
    private static List<String> everyMatch(Map<String, ?> query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(query);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/claims").then().statusCode(200).extract();
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    /**
     * The README's searches, as written there, on the quick-start claim. Other tests write Kabul
     * claims by the thousand into this database, so each search also keeps only the claims written
     * since this test began (updatedSince): what it finds among them is what the README promises.
     */
    @Test
    void shouldAnswerTheReadmeSearchWithTheQuickStartKabulClaim() {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        // README quick start, step 2, as written there (no language: indexed with 'simple')
        Map<String, Object> quantity = Map.of("measure", "KILLED", "qualifier", "MORE_THAN", "value", 70, "subject", "people");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement", "Two explosions killed over 70 people");
        body.put("type", "CASUALTY_COUNT");
        body.put("claimant", "Global News");
        body.put("claimDate", "2021-08-26");
        body.put("location", "Kabul, Afghanistan");
        body.put("tags", List.of("kabul-airport-attack"));
        body.put("quantity", quantity);
        String kabul = createClaim(body);

        // README "Search and sync": q=killed kabul&status=UNVERIFIED&limit=20, and the q=kabul
        assertThat(everyMatch(Map.of("q", "killed kabul", "status", "UNVERIFIED", "limit", 20, "updatedSince", since)))
                .contains(kabul);
        assertThat(everyMatch(Map.of("q", "kabul", "updatedSince", since))).contains(kabul);
        // README: a typo finds it too, below every exact match, and the answer says so
        given().queryParam("q", "kabull").queryParam("updatedSince", since).when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", hasItem(kabul)).body("fuzzy", equalTo(true));
    }

    @Test
    void shouldFindAClaimByItsLocationTagSubjectAndActor() {
        String place = word();
        String tag = word();
        String subject = word();
        var claim = overSeventyKilled();
        claim.put("location", place + ", Afghanistan");
        claim.put("tags", List.of(tag));
        claim.put("quantity", Map.of("measure", "KILLED", "qualifier", "MORE_THAN", "value", 70, "subject", subject));
        String id = createClaim(claim);
        String actor = word();
        var accused = org.claimledger.support.Fixtures.officialsAccuseIsisK();
        accused.put("attribution", Map.of("actor", actor, "role", "ACCUSED", "attributedBy", "U.S. officials"));
        String accusedId = createClaim(accused);

        given().queryParam("q", place).when().get("/api/v1/claims").then().statusCode(200)
                .body("items.id", contains(id)).body("fuzzy", equalTo(false))
                .body("items[0].snippet", containsString("<mark>" + place + "</mark>"));
        given().queryParam("q", tag).when().get("/api/v1/claims").then().statusCode(200).body("items.id", contains(id));
        given().queryParam("q", subject).when().get("/api/v1/claims").then().statusCode(200).body("items.id", contains(id));
        given().queryParam("q", actor).when().get("/api/v1/claims").then().statusCode(200).body("items.id", contains(accusedId));
    }

    @Test
    void shouldRankAStatementMatchAboveALocationMatch() {
        String w = word();
        var inLocation = overSeventyKilled();
        inLocation.put("location", w);
        String locationId = createClaim(inLocation);
        var inStatement = overSeventyKilled();
        inStatement.put("statement", "Two explosions in " + w + " killed over 70 people");
        String statementId = createClaim(inStatement);

        given().queryParam("q", w).when().get("/api/v1/claims").then().statusCode(200)
                .body("items.id", contains(statementId, locationId));
    }

    @Test
    void shouldFindFrenchAndSpanishClaimsByTheirOwnStemsAndWithoutAccents() {
        String w = word();
        var french = overSeventyKilled();
        french.put("statement", "Deux explosions ont tué plus de soixante-dix personnes à l'aéroport " + w);
        french.put("language", "fr");
        french.put("location", "Kaboul, Afghanistan");
        String frenchId = createClaim(french);
        var spanish = overSeventyKilled();
        spanish.put("statement", "Las explosiones mataron a más de setenta personas en el aeropuerto " + w);
        spanish.put("language", "es-MX");
        spanish.put("location", "Kabul, Afganistán");
        String spanishId = createClaim(spanish);

        // French stemming (aéroports -> aeroport), accents folded: "aeroports tue" finds "aéroport ... tué"
        given().queryParam("q", w + " aeroports tue").when().get("/api/v1/claims").then().statusCode(200)
                .body("items.id", contains(frenchId))
                .body("items[0].snippet", containsString("<mark>tué</mark>"));
        // the language filter keeps that language's claims (es keeps es-MX) and reads q in Spanish
        given().queryParam("q", w + " aeropuertos").queryParam("language", "es").when().get("/api/v1/claims")
                .then().statusCode(200).body("items.id", contains(spanishId));
        // (the French claim, alike by trigrams, may follow as a typo match)
        given().queryParam("q", w + " Afganistan").when().get("/api/v1/claims").then().statusCode(200)
                .body("items[0].id", equalTo(spanishId)).body("items[0].snippet", containsString("<mark>Afganistán</mark>"));
        given().queryParam("q", w).queryParam("language", "fr").when().get("/api/v1/claims").then().statusCode(200)
                .body("items.id", contains(frenchId));
        // stored with the claim's own configuration
        assertThat(Db.value("select cast(claim_search_config(language) as text) from claim where id = ?",
                UUID.fromString(frenchId))).isEqualTo("claim_french");
    }

    @Test
    void shouldFallBackToStatementsAlikeDespiteATypoAndSaySo() {
        String w = word();
        var claim = overSeventyKilled();
        claim.put("statement", "Two explosions near " + w + " killed over 70 people");
        String id = createClaim(claim);
        String typo = w.substring(0, 7) + w.charAt(6) + w.substring(7);   // a letter typed twice

        given().queryParam("q", typo).when().get("/api/v1/claims").then().statusCode(200)
                .body("items.id", contains(id)).body("fuzzy", equalTo(true));
        given().queryParam("q", w).when().get("/api/v1/claims").then().statusCode(200)
                .body("items.id", contains(id)).body("fuzzy", equalTo(false));
    }

    @Test
    void shouldRankTypoMatchesBelowExactOnesAndPageThroughBoth() {
        String w = word();
        String typo = w.substring(0, w.length() - 1) + (w.charAt(w.length() - 1) == 'a' ? 'b' : 'a');
        List<String> exact = new ArrayList<>();
        List<String> alike = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var claim = overSeventyKilled();
            claim.put("statement", "Explosions near " + typo + " killed over 70 people");
            exact.add(createClaim(claim));
            var other = overSeventyKilled();
            other.put("statement", "Explosions near " + w + " killed over 70 people");
            alike.add(createClaim(other));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", typo).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/claims").then().statusCode(200).body("fuzzy", equalTo(true)).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 3)).containsExactlyInAnyOrderElementsOf(exact);
        assertThat(seen.subList(3, 6)).containsExactlyInAnyOrderElementsOf(alike);
    }

    @Test
    void shouldNotLetTheTypoFallbackBringBackExcludedWords() {
        String w = word();
        var claim = overSeventyKilled();
        claim.put("statement", "Explosions near " + w + " killed over 70 people, officials blamed ISIS-K");
        String id = createClaim(claim);

        given().queryParam("q", w + " -isis").when().get("/api/v1/claims").then().statusCode(200)
                .body("items.id", not(hasItem(id))).body("fuzzy", equalTo(false));
    }

    @Test
    void shouldRefuseAnInvalidLanguageFilter() {
        given().queryParam("q", "kabul").queryParam("language", "not a tag!").when().get("/api/v1/claims")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
