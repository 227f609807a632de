package org.claimledger.common;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.globalNewsArticle;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.claimledger.common.idempotency.IdempotentCreates;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest extends ApiTest {

    @Inject
    IdempotentCreates idempotency;

    @Test
    void shouldReplayTheFirstResponseToARetry() {
        String key = UUID.randomUUID().toString();
        var article = globalNewsArticle();
        var first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(article)
                .when().post("/api/v1/articles").then().statusCode(201).extract();
        var retry = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(article)
                .when().post("/api/v1/articles").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();

        assertThat(retry.body().asString()).isEqualTo(first.body().asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(Db.count("select count(*) from article where url = ?", article.get("url"))).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(overSeventyKilled())
                .when().post("/api/v1/claims").then().statusCode(201);
        long claims = Db.count("select count(*) from claim");
        var other = overSeventyKilled();
        other.put("statement", "Two explosions killed over 90 people");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(other)
                .when().post("/api/v1/claims").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://claimledger.org/problems/idempotency-key-reused"));
        assertThat(Db.count("select count(*) from claim")).isEqualTo(claims);
    }

    @Test
    void shouldNotReplayAKeyAcrossEndpoints() {
        String key = UUID.randomUUID().toString();
        String claim = Fixtures.createClaim(overSeventyKilled());
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(pentagonBriefing("SUPPORTS"))
                .when().post("/api/v1/claims/{id}/sources", claim).then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(pentagonBriefing("SUPPORTS"))
                .when().post("/api/v1/claims/{id}/sources", Fixtures.createClaim(overSeventyKilled()))
                .then().statusCode(422);
    }

    @Test
    void shouldAnswerConflictWhileTheFirstRequestIsInFlight() throws Exception {
        String key = UUID.randomUUID().toString();
        try (var connection = Db.connect()) {
            connection.setAutoCommit(false);
            try (var hold = connection.prepareStatement("insert into idempotency_key (caller, key, request_hash, status,"
                    + " body, created_at) values ('bootstrap-admin', ?, 'x', 0, '', now())")) {
                hold.setString(1, key);
                hold.executeUpdate();
            }
            long claims = Db.count("select count(*) from claim");
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(overSeventyKilled())
                    .when().post("/api/v1/claims").then().statusCode(409).contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("type", equalTo("https://claimledger.org/problems/idempotency-key-in-flight"));
            assertThat(Db.count("select count(*) from claim")).isEqualTo(claims);
            connection.rollback();
        }
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(overSeventyKilled())
                .when().post("/api/v1/claims").then().statusCode(201);
    }

    @Test
    void shouldLetAFailedCreateBeRetriedWithTheSameKey() {
        String key = UUID.randomUUID().toString();
        var claim = overSeventyKilled();
        claim.remove("quantity");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(claim)
                .when().post("/api/v1/claims").then().statusCode(422);
        assertThat(Db.count("select count(*) from idempotency_key where key = ?", key)).isZero();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(overSeventyKilled())
                .when().post("/api/v1/claims").then().statusCode(201);
    }

    @Test
    void shouldRefuseAMalformedKey() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256)).body(overSeventyKilled())
                .when().post("/api/v1/claims").then().statusCode(400).body("parameter", equalTo("Idempotency-Key"));
    }

    @Test
    void shouldPurgeKeysOlderThanTheRetention() {
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        Db.execute("insert into idempotency_key (caller, key, request_hash, status, body, created_at)"
                + " values ('anonymous', ?, 'x', 201, '{}', ?)", old, Timestamp.from(Instant.now().minus(25, ChronoUnit.HOURS)));
        Db.execute("insert into idempotency_key (caller, key, request_hash, status, body, created_at)"
                + " values ('anonymous', ?, 'x', 201, '{}', ?)", fresh, Timestamp.from(Instant.now().minus(23, ChronoUnit.HOURS)));
        assertThat(idempotency.purge()).isGreaterThanOrEqualTo(1);
        assertThat(Db.count("select count(*) from idempotency_key where key = ?", old)).isZero();
        assertThat(Db.count("select count(*) from idempotency_key where key = ?", fresh)).isOne();
    }
}
