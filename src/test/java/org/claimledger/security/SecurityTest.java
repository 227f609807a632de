package org.claimledger.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createArticle;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.claimledger.support.Fixtures.pentagonBriefing;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest extends ApiTest {

    enum Caller { ANONYMOUS, READER, CHECKER, EDITOR, ADMIN }

    record Operation(String method, String path, Object body, Caller least) {
    }

    private static String key(String role) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", role + "-" + UUID.randomUUID(), "role", role.toUpperCase()))
                .when().post("/api/v1/api-keys").then().statusCode(201)
                .body("secret", startsWith("cl_")).extract().path("secret");
    }

    private static String bearer(Map<Caller, String> keys, Caller caller) {
        return caller == Caller.ANONYMOUS ? "" : "Bearer " + keys.get(caller);
    }

    @Test
    void shouldLetEachRoleDoExactlyWhatItMayAndChangeNothingWhenRefused() {
        Map<Caller, String> keys = new LinkedHashMap<>();
        keys.put(Caller.ANONYMOUS, null);
        for (String role : List.of("reader", "checker", "editor", "admin")) {
            keys.put(Caller.valueOf(role.toUpperCase()), key(role));
        }
        String claim = createClaim(overSeventyKilled());
        String article = createArticle();
        String source = Fixtures.create("/api/v1/claims/" + claim + "/sources", pentagonBriefing("SUPPORTS")).path("id");
        given().contentType(ContentType.JSON).body(Map.of("role", "APPEARS_IN"))
                .put("/api/v1/claims/{c}/articles/{a}", claim, article).then().statusCode(201);
        String other = UUID.randomUUID().toString();

        List<Operation> operations = List.of(
                new Operation("GET", "/api/v1/claims", null, Caller.READER),
                new Operation("GET", "/api/v1/claims/" + claim, null, Caller.READER),
                new Operation("GET", "/api/v1/claims/" + claim + "/history", null, Caller.READER),
                new Operation("GET", "/api/v1/claims/" + claim + "/history/verify", null, Caller.READER),
                new Operation("GET", "/api/v1/claims/" + claim + "/lineage", null, Caller.READER),
                new Operation("GET", "/api/v1/claims/" + claim + "/sources", null, Caller.READER),
                new Operation("GET", "/api/v1/articles", null, Caller.READER),
                new Operation("GET", "/api/v1/articles/" + article + "/claims", null, Caller.READER),
                new Operation("GET", "/api/v1/history", null, Caller.READER),
                new Operation("GET", "/api/v1/ledger/checkpoint", null, Caller.READER),
                new Operation("GET", "/api/v1/ledger/key", null, Caller.READER),
                new Operation("GET", "/api/v1/ledger/entries", null, Caller.READER),
                new Operation("GET", "/api/v1/ledger/proofs/consistency?from=1&to=1", null, Caller.READER),
                new Operation("GET", "/api/v1/stats/claims", null, Caller.READER),
                new Operation("POST", "/api/v1/claims", overSeventyKilled(), Caller.CHECKER),
                new Operation("POST", "/api/v1/articles", Fixtures.globalNewsArticle(), Caller.CHECKER),
                new Operation("POST", "/api/v1/claims/" + claim + "/sources", pentagonBriefing("CONTEXT"), Caller.CHECKER),
                new Operation("PATCH", "/api/v1/claims/" + other, Map.of("claimant", "Reuters"), Caller.CHECKER),
                new Operation("PATCH", "/api/v1/articles/" + other, Map.of("title", "x"), Caller.CHECKER),
                new Operation("PATCH", "/api/v1/claims/" + claim + "/sources/" + other, Map.of("note", "x"), Caller.CHECKER),
                new Operation("PUT", "/api/v1/claims/" + claim + "/articles/" + other, Map.of("role", "CITED_BY"), Caller.CHECKER),
                new Operation("POST", "/api/v1/claims/" + other + "/status", Map.of("status", "IN_REVIEW"), Caller.CHECKER),
                new Operation("DELETE", "/api/v1/claims/" + other, null, Caller.EDITOR),
                new Operation("DELETE", "/api/v1/articles/" + other, null, Caller.EDITOR),
                new Operation("DELETE", "/api/v1/claims/" + claim + "/sources/" + other, null, Caller.EDITOR),
                new Operation("DELETE", "/api/v1/claims/" + claim + "/articles/" + other, null, Caller.EDITOR),
                new Operation("POST", "/api/v1/claims/status:batch",
                        Map.of("status", "IN_REVIEW", "items", List.of(Map.of("id", other, "ifMatch", "\"0\""))), Caller.EDITOR),
                new Operation("POST", "/api/v1/claims:match", overSeventyKilled(), Caller.READER),
                new Operation("GET", "/api/v1/claims/" + claim + "/similar", null, Caller.READER),
                new Operation("POST", "/api/v1/claims/" + other + "/duplicate-of", Map.of("claimId", claim), Caller.CHECKER),
                new Operation("DELETE", "/api/v1/claims/" + other + "/duplicate-of", null, Caller.CHECKER),
                new Operation("GET", "/api/v1/api-keys", null, Caller.ADMIN),
                new Operation("DELETE", "/api/v1/api-keys/" + other, null, Caller.ADMIN));

        for (Operation op : operations) {
            for (Caller caller : Caller.values()) {
                boolean refused = caller == Caller.ANONYMOUS || caller.ordinal() < op.least().ordinal();
                var counts = refused ? Db.tableCounts() : null;
                var request = given().header("Authorization", bearer(keys, caller)).header("If-Match", "\"0\"");
                if (op.body() != null) {
                    request.contentType(ContentType.JSON).body(op.body());
                }
                var response = request.when().request(op.method(), op.path()).then().extract();
                String what = caller + " " + op.method() + " " + op.path();
                if (caller == Caller.ANONYMOUS) {
                    assertThat(response.statusCode()).as(what).isEqualTo(401);
                    assertThat(response.header("WWW-Authenticate")).as(what).startsWith("Bearer");
                    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                } else if (caller.ordinal() < op.least().ordinal()) {
                    assertThat(response.statusCode()).as(what).isEqualTo(403);
                    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                } else {
                    assertThat(response.statusCode()).as(what).isNotIn(401, 403).isLessThan(500);
                }
                if (refused) {
                    assertThat(Db.tableCounts()).as(what + " wrote nothing").isEqualTo(counts);
                }
            }
        }
    }

    @Test
    void shouldKeepVerdictsForEditors() {
        String checker = key("checker");
        String claim = createClaim(overSeventyKilled());
        Fixtures.create("/api/v1/claims/" + claim + "/sources", pentagonBriefing("SUPPORTS"));
        given().header("Authorization", "Bearer " + checker).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("status", "IN_REVIEW")).post("/api/v1/claims/{id}/status", claim).then().statusCode(200);
        given().header("Authorization", "Bearer " + checker).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "explanation", "confirmed"))
                .post("/api/v1/claims/{id}/status", claim).then().statusCode(403).contentType("application/problem+json");
        assertThat(Db.value("select status from claim where id = ?", UUID.fromString(claim))).isEqualTo("IN_REVIEW");
    }

    @Test
    void shouldNameTheKeyAsTheActorAndRefuseItOnceRevoked() {
        var created = given().contentType(ContentType.JSON).body(Map.of("name", "newsroom-cms-" + UUID.randomUUID(), "role", "CHECKER"))
                .post("/api/v1/api-keys").then().statusCode(201).extract();
        String secret = created.path("secret");
        String name = created.path("name");
        String id = created.path("id");
        assertThat(Db.value("select secret_hash from api_key where id = ?", UUID.fromString(id)))
                .isNotEqualTo(secret).asString().hasSize(64);

        String claim = given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(overSeventyKilled()).post("/api/v1/claims").then().statusCode(201)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").extract().path("id");
        given().get("/api/v1/claims/{id}/history", claim).then().body("items[0].actor", equalTo(name));
        given().get("/api/v1/api-keys").then().statusCode(200)
                .body("items.name", hasItem(name)).body("items.secret", not(hasItem(notNullValue())))
                .body("items.find { it.name == '" + name + "' }.lastUsedAt", notNullValue())
                .body("nextCursor", nullValue());

        given().delete("/api/v1/api-keys/{id}", id).then().statusCode(204);
        given().header("Authorization", "Bearer " + secret).get("/api/v1/claims").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/api-keys").then().body("items.name", not(hasItem(name)));
    }

    @Test
    void shouldRefuseUnknownOrMalformedCredentials() {
        for (String header : List.of("Bearer cl_unknown", "Bearer not-a-key", "Basic YWRtaW46YWRtaW4=", "Bearer")) {
            given().header("Authorization", header).get("/api/v1/claims").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        }
    }

    @Test
    void shouldKeepHealthAndTheContractPublic() {
        given().header("Authorization", "").get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", "").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void shouldScopeIdempotencyKeysToTheCaller() {
        String first = key("checker");
        String second = key("checker");
        String idempotencyKey = UUID.randomUUID().toString();
        String a = given().header("Authorization", "Bearer " + first).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON).body(overSeventyKilled()).post("/api/v1/claims").then().statusCode(201)
                .extract().path("id");
        String b = given().header("Authorization", "Bearer " + second).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON).body(overSeventyKilled()).post("/api/v1/claims").then().statusCode(201)
                .extract().path("id");
        assertThat(a).isNotEqualTo(b);
    }
}
