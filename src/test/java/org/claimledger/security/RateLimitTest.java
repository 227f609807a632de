package org.claimledger.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.ThreeAMinute.class)
class RateLimitTest extends ApiTest {

    public static class ThreeAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claims.rate-limit.per-minute", "3");
        }
    }

    @Test
    void shouldRefuseTheFourthRequestOfAMinuteWithRetryAfter() {
        String caller = "dashboard-" + UUID.randomUUID();
        String secret = given().contentType(ContentType.JSON).body(Map.of("name", caller, "role", "READER"))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
        Db.execute("delete from rate_limit_window where caller = ?", caller);
        for (int i = 1; i <= 3; i++) {
            given().header("Authorization", "Bearer " + secret).get("/api/v1/claims").then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", Integer.toString(3 - i))
                    .header("RateLimit-Reset", notNullValue());
        }
        given().header("Authorization", "Bearer " + secret).get("/api/v1/claims").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://claimledger.org/problems/rate-limited"));
        given().header("Authorization", "").get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldCountTheRequestsThatOtherInstancesServed() throws InterruptedException {
        String caller = "dashboard-" + UUID.randomUUID();
        String secret = newReaderKey(caller);
        if (System.currentTimeMillis() % 60_000 > 50_000) {
            Thread.sleep(60_000 - System.currentTimeMillis() % 60_000 + 100); // stay within one minute
        }
        given().header("Authorization", "Bearer " + secret).get("/api/v1/claims").then().statusCode(200)
                .header("RateLimit-Remaining", "2");
        // another instance served this caller twice in the same minute and added it to the shared row
        Db.execute("insert into rate_limit_window (caller, window_start, requests) values (?, date_trunc('minute', now()), 2)"
                + " on conflict (caller, window_start) do update set requests = rate_limit_window.requests + 2", caller);
        Thread.sleep(2_500); // more than one sync (claims.rate-limit.sync, 1 s)

        // this instance alone has seen one request; with the other's two, this is the fourth
        given().header("Authorization", "Bearer " + secret).get("/api/v1/claims").then().statusCode(429)
                .header("Retry-After", notNullValue());
        assertThat(Db.count(
                "select requests from rate_limit_window where caller = ?", caller)).isGreaterThanOrEqualTo(3);
    }

    private static String newReaderKey(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "role", "READER"))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
    }
}
