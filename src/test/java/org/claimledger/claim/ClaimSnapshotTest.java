package org.claimledger.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createArticle;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.officialsAccuseIsisK;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.article.ArticleSummary;
import org.claimledger.history.CanonicalJson;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

/**
 * The ledger writes a claim's snapshot from the entity, no longer by serialising its response; the
 * text it hashes must stay byte for byte what serialising the response gave, or chains written
 * before and after would disagree about the same state.
 */
@QuarkusTest
class ClaimSnapshotTest extends ApiTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void shouldWriteTheSnapshotThatSerialisingTheResponseWrote() {
        Claim claim = everyMemberSet();
        List<SourceResponse> sources = List.of(
                new SourceResponse(UUID.randomUUID(), claim.id, "https://www.defense.gov/News/Transcripts/", "Briefing",
                        "U.S. Department of Defense", SourceKind.OFFICIAL, Stance.SUPPORTS,
                        Instant.parse("2021-08-27T09:00:00Z"), "https://web.archive.org/x", "p. 3 \"toll\"",
                        Instant.parse("2026-11-28T22:40:00.123456Z"), Instant.parse("2026-11-28T22:41:00.120Z"), 3),
                new SourceResponse(UUID.randomUUID(), claim.id, "https://x.com/p", null, null, null, null, null, null,
                        null, Instant.parse("2026-11-28T22:42:00Z"), Instant.parse("2026-11-28T22:42:00Z"), 0));
        ArticleLink link = new ArticleLink();
        link.claimId = claim.id;
        link.articleId = UUID.randomUUID();
        link.role = LinkRole.FACT_CHECKED_IN;
        link.excerpt = "über 70 Tote\n\t— 🦉";
        link.createdAt = Instant.parse("2026-11-28T22:43:00.000001Z");
        link.updatedAt = link.createdAt;
        link.version = 12;
        List<ArticleLinkResponse> links = List.of(ArticleLinkResponse.of(link,
                new ArticleSummary(link.articleId, "https://globalnews.ca/news/8143924/", "What we know", null)));

        assertThat(ClaimSnapshots.of(claim, sources, links).toString())
                .isEqualTo(serialisedResponse(claim, ClaimResponse.of(claim, sources, links)));
    }

    @Test
    void shouldWriteTheSnapshotThatSerialisingTheResponseWroteForABareClaim() {
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.statement = "A claim";
        claim.type = ClaimType.OTHER;
        claim.status = ClaimStatus.UNVERIFIED;
        claim.createdAt = Instant.parse("2026-11-28T22:40:00Z");
        claim.updatedAt = claim.createdAt;

        assertThat(ClaimSnapshots.of(claim, List.of(), List.of()).toString())
                .isEqualTo(serialisedResponse(claim, ClaimResponse.of(claim, List.of(), List.of())));
    }

    /** Through the API: what the ledger stored and hashed for the latest revision is the claim as served. */
    @Test
    void shouldStoreAsTheLatestSnapshotTheClaimAsServed() {
        String claim = createClaim(overSeventyKilled());
        given().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("quantity", Map.of("value", new BigDecimal("70.50"), "unit", "persons")))
                .when().patch("/api/v1/claims/{id}", claim).then().statusCode(200);
        for (String stance : List.of("SUPPORTS", "CONTEXT")) {
            given().contentType(ContentType.JSON).body(pentagonBriefing(stance))
                    .when().post("/api/v1/claims/{id}/sources", claim).then().statusCode(201);
        }
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN", "excerpt", "over 70 killed"))
                .put("/api/v1/claims/{c}/articles/{a}", claim, createArticle()).then().statusCode(201);
        String attribution = createClaim(officialsAccuseIsisK());

        for (String id : List.of(claim, attribution)) {
            String served = given().get("/api/v1/claims/{id}", id).then().statusCode(200).extract().asString();
            ObjectNode expected = (ObjectNode) CanonicalJson.read(served);
            expected.put("deleted", false);
            String content = (String) Db.value("select content from history_entry where entity_id = ?"
                    + " order by rev desc limit 1", UUID.fromString(id));
            ObjectNode stored = withoutNulls((ObjectNode) CanonicalJson.read(content).get("snapshot"));
            if (!stored.has("claimantKind")) { // the view shows the documented default; the ledger keeps what was sent
                assertThat(expected.path("claimantKind").asText()).isEqualTo("ORGANIZATION");
                expected.remove("claimantKind");
            }
            // answers leave unset members out; the ledger's text keeps them as null, as it always has
            assertThat(CanonicalJson.write(stored)).isEqualTo(CanonicalJson.write(withoutNulls(expected)));
            assertThat(content).contains(id.equals(claim) ? "\"unit\":\"persons\"" : "\"attribution\":{\"actor\":\"ISIS-K\"");
            given().get("/api/v1/claims/{id}/history/verify", id).then().body("valid", equalTo(true));
        }
    }

    /**
     * The text the ledger hashed for a response before it wrote snapshots from the entity: every member,
     * null ones too, the claimant kind as stored, and no members that came later only for answers
     * (search snippets, possible duplicates) or only for confirmed duplicates.
     */
    private String serialisedResponse(Claim claim, ClaimResponse response) {
        ObjectMapper always = mapper.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        ObjectNode node = (ObjectNode) CanonicalJson.of(always, response);
        for (String later : List.of("duplicateOf", "snippet", "possibleDuplicates")) {
            if (node.path(later).isNull() || node.path(later).isMissingNode()) {
                node.remove(later);
            }
        }
        if (claim.claimantKind == null) {
            node.putNull("claimantKind");
        }
        return CanonicalJson.write(node);
    }

    private static ObjectNode withoutNulls(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        List<String> names = new java.util.ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = copy.get(name);
            if (value.isNull()) {
                copy.remove(name);
            } else if (value.isObject()) {
                copy.set(name, withoutNulls((ObjectNode) value));
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) value).set(i, withoutNulls((ObjectNode) value.get(i)));
                    }
                }
            }
        }
        return copy;
    }

    private static Claim everyMemberSet() {
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.statement = "Two explosions killed \"over 70\" people — über \\ 🦉";
        claim.type = ClaimType.CASUALTY_COUNT;
        claim.claimant = "Global News";
        claim.claimantKind = ClaimantKind.ORGANIZATION;
        claim.setDates(org.claimledger.common.time.FuzzyDate.parse("2021-08-26"),
                org.claimledger.common.time.FuzzyDate.parse("2021-08-25"));
        claim.language = "en";
        claim.location = "Kabul, Afghanistan";
        claim.tags = List.of("kabul", "isis-k", "ünïcode");
        claim.status = ClaimStatus.SUPERSEDED;
        claim.explanation = "line one\nline two\u0001";
        claim.verdictAt = Instant.parse("2026-11-28T22:40:00.123456Z");
        claim.supersededBy = UUID.randomUUID();
        claim.supersededAt = Instant.parse("2026-11-28T22:40:01Z");
        claim.quantity = new Quantity(Measure.KILLED, "people", Qualifier.RANGE, new BigDecimal("70.50"),
                new BigDecimal("1E+3"), "persons");
        claim.attribution = new Attribution("ISIS-K", AttributionRole.ACCUSED, "U.S. officials");
        claim.createdAt = Instant.parse("2026-11-28T22:00:00.100Z");
        claim.updatedAt = Instant.parse("2026-11-28T22:40:01.000001Z");
        claim.version = 7;
        return claim;
    }
}
