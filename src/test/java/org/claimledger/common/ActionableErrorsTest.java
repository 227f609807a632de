package org.claimledger.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.claimledger.support.ApiTest;
import org.junit.jupiter.api.Test;

/** A refused request says what is wrong and what to send instead, in words a person can act on. */
@QuarkusTest
class ActionableErrorsTest extends ApiTest {

    private static io.restassured.response.ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://claimledger.org/problems/malformed-request"))
                .body("detail", not(containsString("Source: ")))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void shouldSayWhereATrailingCommaIs() {
        post("/api/v1/claims", "{\n  \"statement\": \"Two explosions\",\n  \"type\": \"OTHER\",\n}")
                .body("detail", containsString("line 4, column 1"))
                .body("detail", containsString("double-quote"));
    }

    @Test
    void shouldSayWhereSingleQuotesAre() {
        post("/api/v1/articles", "{'url': 'https://globalnews.ca/news/1'}")
                .body("detail", containsString("line 1, column 2"));
    }

    @Test
    void shouldSayThatABraceIsMissing() {
        post("/api/v1/claims", "{\"statement\": \"Two explosions\", \"type\": \"OTHER\"")
                .body("detail", containsString("end-of-input"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void shouldNameTheMediaTypesACreateAccepts() {
        given().contentType(ContentType.TEXT).body("Two explosions killed over 70 people")
                .when().post("/api/v1/claims")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("'text/plain"))
                .body("detail", containsString("send the body as application/json"))
                .body("acceptedMediaTypes", contains("application/json"));
    }

    @Test
    void shouldNameTheMediaTypesAPatchAcceptsWhenContentTypeIsMissing() {
        given().header("If-Match", "\"0\"").body("{\"claimant\": \"Reuters\"}".getBytes())
                .when().patch("/api/v1/claims/{id}", java.util.UUID.randomUUID())
                .then().statusCode(415).contentType("application/problem+json")
                .body("acceptedMediaTypes", contains("application/merge-patch+json", "application/json"));
    }
}
