package org.claimledger.claim;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SourceResourceTest extends ApiTest {

    @Test
    void shouldAddASourceAndMoveTheClaimsVersion() {
        String claim = createClaim(overSeventyKilled());
        var created = given().contentType(ContentType.JSON).body(pentagonBriefing("SUPPORTS"))
                .when().post("/api/v1/claims/{id}/sources", claim)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("claimId", equalTo(claim))
                .body("kind", equalTo("OFFICIAL"))
                .body("stance", equalTo("SUPPORTS"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/claims/" + claim + "/sources/" + id);

        given().when().get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
        given().when().get("/api/v1/claims/{id}/sources", claim).then().statusCode(200).body("items.id", contains(id));
        given().when().get("/api/v1/claims/{id}", claim).then().statusCode(200).header("ETag", "\"1\"");
        assertThat(Db.value("select claim_id from source where id = ?", UUID.fromString(id))).isEqualTo(UUID.fromString(claim));
    }

    @Test
    void shouldChangeAStanceWithIfMatch() {
        String claim = createClaim(overSeventyKilled());
        String id = Fixtures.create("/api/v1/claims/" + claim + "/sources", pentagonBriefing("SUPPORTS")).path("id");

        given().contentType("application/merge-patch+json").body(Map.of("stance", "REFUTES"))
                .when().patch("/api/v1/claims/{c}/sources/{s}", claim, id).then().statusCode(428);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("stance", "REFUTES"))
                .when().patch("/api/v1/claims/{c}/sources/{s}", claim, id)
                .then().statusCode(200).header("ETag", "\"1\"").body("stance", equalTo("REFUTES"))
                .body("kind", equalTo("OFFICIAL"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("stance", "CONTEXT"))
                .when().patch("/api/v1/claims/{c}/sources/{s}", claim, id)
                .then().statusCode(412).body("currentEtag", equalTo("\"1\""));
        assertThat(Db.value("select stance from source where id = ?", UUID.fromString(id))).isEqualTo("REFUTES");
    }

    @Test
    void shouldSoftDeleteASource() {
        String claim = createClaim(overSeventyKilled());
        String id = Fixtures.create("/api/v1/claims/" + claim + "/sources", pentagonBriefing("SUPPORTS")).path("id");
        given().header("If-Match", "\"0\"").when().delete("/api/v1/claims/{c}/sources/{s}", claim, id).then().statusCode(204);

        given().when().get("/api/v1/claims/{c}/sources/{s}", claim, id).then().statusCode(410);
        given().when().get("/api/v1/claims/{id}", claim).then().statusCode(200).body("sources", empty());
        assertThat(Db.value("select deleted_at from source where id = ?", UUID.fromString(id))).isNotNull();
    }

    @Test
    void shouldRefuseASourceForAMissingOrDeletedClaim() {
        given().contentType(ContentType.JSON).body(pentagonBriefing("SUPPORTS"))
                .when().post("/api/v1/claims/{id}/sources", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        String claim = createClaim(overSeventyKilled());
        given().header("If-Match", "\"0\"").delete("/api/v1/claims/{id}", claim).then().statusCode(204);
        long before = Db.count("select count(*) from source");
        given().contentType(ContentType.JSON).body(pentagonBriefing("SUPPORTS"))
                .when().post("/api/v1/claims/{id}/sources", claim)
                .then().statusCode(410).contentType("application/problem+json");
        assertThat(Db.count("select count(*) from source")).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnInvalidSource() {
        String claim = createClaim(overSeventyKilled());
        long before = Db.count("select count(*) from source");
        given().contentType(ContentType.JSON).body(Map.of("url", "not a url", "stance", "SUPPORTS"))
                .when().post("/api/v1/claims/{id}/sources", claim)
                .then().statusCode(422).body("errors.field", contains("url"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.org", "stance", "AGREES"))
                .when().post("/api/v1/claims/{id}/sources", claim)
                .then().statusCode(400).body("allowedValues", contains("SUPPORTS", "REFUTES", "CONTEXT"));
        assertThat(Db.count("select count(*) from source")).isEqualTo(before);
        given().when().get("/api/v1/claims/{c}/sources/{s}", claim, UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldRefuseTheHundredAndFirstSourceOfAClaim() {
        String claim = createClaim(overSeventyKilled());
        Db.execute("insert into source (id, claim_id, url, stance, created_at, updated_at, version)"
                + " select gen_random_uuid(), ?, 'https://example.org/' || g, 'CONTEXT', now(), now(), 0"
                + " from generate_series(1, 100) g", UUID.fromString(claim));
        given().contentType(ContentType.JSON).body(pentagonBriefing("SUPPORTS"))
                .when().post("/api/v1/claims/{id}/sources", claim)
                .then().statusCode(422).body("errors[0].field", equalTo("sources"));
        assertThat(Db.count("select count(*) from source where claim_id = ?", UUID.fromString(claim))).isEqualTo(100);
    }
}
