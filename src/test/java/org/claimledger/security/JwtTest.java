package org.claimledger.security;

import static io.restassured.RestAssured.given;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.claimledger.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Tokens of the newsroom's identity provider, really signed: only a valid one gets in. */
@QuarkusTest
class JwtTest extends ApiTest {

    private static final String ISSUER = "https://idp.newsroom.test";

    private static PrivateKey key(String name) throws Exception {
        return KeyUtils.readPrivateKey("jwt/" + name);
    }

    private static String token(String issuer, Instant expires, String signingKey, Set<String> groups) throws Exception {
        return Jwt.issuer(issuer).subject("u-1842").claim("preferred_username", "ana.fact-checker")
                .groups(groups).issuedAt(expires.minusSeconds(600)).expiresAt(expires)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key(signingKey));
    }

    private static int status(String bearer) {
        return given().header("Authorization", "Bearer " + bearer).contentType(ContentType.JSON).body(overSeventyKilled())
                .when().post("/api/v1/claims").then().extract().statusCode();
    }

    @Test
    void shouldAcceptOnlyAValidToken() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        Set<String> checker = Set.of("checker");
        String valid = token(ISSUER, later, "privateKey.pem", checker);
        String claim = given().header("Authorization", "Bearer " + valid).contentType(ContentType.JSON)
                .body(overSeventyKilled()).post("/api/v1/claims").then().statusCode(201).extract().path("id");
        given().get("/api/v1/claims/{id}/history", claim).then().body("items[0].actor", equalTo("ana.fact-checker"));

        org.assertj.core.api.Assertions.assertThat(status(token(ISSUER, Instant.now().minusSeconds(120), "privateKey.pem", checker)))
                .as("expired").isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(status(token(ISSUER, Instant.now().minusSeconds(30), "privateKey.pem", checker)))
                .as("expired 30 s ago, beyond the 5 s clock skew").isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(status(token("https://evil.example", later, "privateKey.pem", checker)))
                .as("wrong issuer").isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(status(token(ISSUER, later, "otherPrivateKey.pem", checker)))
                .as("bad signature").isEqualTo(401);
        String[] parts = valid.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        org.assertj.core.api.Assertions.assertThat(status(none)).as("alg none").isEqualTo(401);
    }

    @Test
    void shouldTakeTheRoleFromTheGroupsClaim() throws Exception {
        String reader = token(ISSUER, Instant.now().plusSeconds(600), "privateKey.pem", Set.of("reader", "staff"));
        org.assertj.core.api.Assertions.assertThat(status(reader)).isEqualTo(403);
        given().header("Authorization", "Bearer " + reader).get("/api/v1/claims").then().statusCode(200);
        String nobody = token(ISSUER, Instant.now().plusSeconds(600), "privateKey.pem", Set.of("staff"));
        given().header("Authorization", "Bearer " + nobody).get("/api/v1/claims").then().statusCode(401);
    }
}
