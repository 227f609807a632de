package org.claimledger.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

/**
 * A verified API key is answered from memory; a revocation still takes effect at once on the instance
 * that revoked it, and within a second wherever PostgreSQL's notification reaches (every instance).
 */
@QuarkusTest
class ApiKeyCacheTest extends ApiTest {

    private static JsonPath newKey(String role) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "desk-tool-" + UUID.randomUUID(), "role", role))
                .when().post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath();
    }

    private static int claimsListedWith(String secret) {
        return given().header("Authorization", "Bearer " + secret).get("/api/v1/claims").statusCode();
    }

    private static int claimCreatedWith(String secret) {
        return given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(Map.of("statement", "Two explosions killed over 70 people", "type", "CASUALTY_COUNT",
                        "quantity", Map.of("measure", "KILLED", "qualifier", "MORE_THAN", "value", 70)))
                .post("/api/v1/claims").statusCode();
    }

    /** Polls for up to a second; answers how long it took the key to be refused, or -1. */
    private static long millisUntilRefused(String secret) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000_000_000L) {
            if (claimsListedWith(secret) == 401) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    @Test
    void shouldRefuseAKeyAtOnceAfterItIsRevokedHere() {
        JsonPath key = newKey("READER");
        String secret = key.getString("secret");
        assertThat(claimsListedWith(secret)).isEqualTo(200);
        assertThat(claimsListedWith(secret)).isEqualTo(200);

        given().delete("/api/v1/api-keys/{id}", key.getString("id")).then().statusCode(204);

        assertThat(claimsListedWith(secret)).isEqualTo(401);
        assertThat(Db.value("select revoked_at from api_key where id = ?", UUID.fromString(key.getString("id"))))
                .isNotNull();
    }

    @Test
    void shouldRefuseAKeyWithinASecondWhenAnotherInstanceRevokesIt() throws Exception {
        JsonPath key = newKey("READER");
        String secret = key.getString("secret");
        assertThat(claimsListedWith(secret)).isEqualTo(200);

        // what another instance's DELETE /api-keys/{id} commits
        Db.execute("update api_key set revoked_at = now() where id = ?", UUID.fromString(key.getString("id")));

        assertThat(millisUntilRefused(secret)).isBetween(0L, 1000L);
    }

    @Test
    void shouldApplyARoleChangedInPostgreSqlWithinASecond() throws Exception {
        JsonPath key = newKey("CHECKER");
        String secret = key.getString("secret");
        assertThat(claimCreatedWith(secret)).isEqualTo(201);

        Db.execute("update api_key set role = 'READER' where id = ?", UUID.fromString(key.getString("id")));

        long start = System.nanoTime();
        int status = 201;
        while (status != 403 && System.nanoTime() - start < 1_000_000_000L) {
            Thread.sleep(20);
            status = claimCreatedWith(secret);
        }
        assertThat(status).isEqualTo(403);
        assertThat(claimsListedWith(secret)).isEqualTo(200);
    }

    @Test
    void shouldAnswerAKnownKeyFromMemoryUntilPostgreSqlSaysItChanged() throws Exception {
        JsonPath key = newKey("READER");
        String secret = key.getString("secret");
        assertThat(claimsListedWith(secret)).isEqualTo(200);
        String hash = (String) Db.value("select secret_hash from api_key where id = ?", UUID.fromString(key.getString("id")));

        // revoked without the trigger's notification: this instance keeps answering from memory ...
        try (Connection c = Db.connect(); var s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.executeUpdate("update api_key set revoked_at = now() where secret_hash = '" + hash + "'");
        }
        assertThat(claimsListedWith(secret)).isEqualTo(200);

        // ... until the notification arrives
        notify(hash);
        assertThat(millisUntilRefused(secret)).isBetween(0L, 1000L);
    }

    private static void notify(String hash) throws SQLException {
        try (Connection c = Db.connect(); var s = c.prepareStatement("select pg_notify(?, ?)")) {
            s.setString(1, ApiKeyCache.CHANNEL);
            s.setString(2, hash);
            s.execute();
        }
    }
}
