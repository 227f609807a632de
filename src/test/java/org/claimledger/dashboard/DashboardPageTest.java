package org.claimledger.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.claimledger.support.ApiTest;
import org.junit.jupiter.api.Test;

/** The dashboard's static page: public to load, under a strict Content-Security-Policy. (Its behaviour is proven in a real browser: src/test/browser.) */
@QuarkusTest
class DashboardPageTest extends ApiTest {

    @Test
    void shouldServeThePageWithoutAKeyUnderAStrictPolicy() {
        for (String path : new String[] {"/", "/index.html", "/dashboard/app.js", "/dashboard/style.css"}) {
            var response = given().header("Authorization", "").get(path).then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY").extract();
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        }
        given().header("Authorization", "").get("/").then().contentType("text/html")
                .body(containsString("<script type=\"module\" src=\"/dashboard/app.js\"></script>"));
    }

    @Test
    void shouldLeaveSwaggerUiAndTheApiOutOfTheDashboardPolicy() {
        given().header("Authorization", "").get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger"));
        assertThat(given().header("Authorization", "").get("/q/swagger-ui/").header("Content-Security-Policy")).isNull();
        assertThat(given().get("/api/v1/me").then().statusCode(200).extract().header("Content-Security-Policy")).isNull();
    }
}
