package org.claimledger.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest extends ApiTest {

    @Test
    void shouldTellEachCallerItsNameAndHighestRole() {
        for (String role : new String[] {"READER", "CHECKER", "EDITOR", "ADMIN"}) {
            String name = "desk-" + role.toLowerCase() + "-" + UUID.randomUUID();
            String secret = given().contentType(ContentType.JSON).body(Map.of("name", name, "role", role))
                    .post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
            given().header("Authorization", "Bearer " + secret).get("/api/v1/me")
                    .then().statusCode(200).contentType(ContentType.JSON)
                    .header("Cache-Control", "no-store")
                    .body("name", equalTo(name)).body("role", equalTo(role));
        }
    }

    @Test
    void shouldNameTheBootstrapAdmin() {
        given().get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("bootstrap-admin")).body("role", equalTo("ADMIN"));
    }

    @Test
    void shouldRefuseAnUnknownKeyWithAProblem() {
        given().header("Authorization", "Bearer cl_not-a-key-of-this-service").get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "").get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
