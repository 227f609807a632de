package org.claimledger.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimledger.support.ApiTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest extends ApiTest {

    private static double metric(String text, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels.isEmpty() ? "" : "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\}")
                + "\\s+([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The management interface's port: a random one in tests (9000 when the service runs). */
    private static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    private static String scrape() {
        return given().header("Authorization", "").port(managementPort()).get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void shouldServeMetricsOnlyOnTheManagementInterface() {
        assertThat(managementPort()).isPositive().isNotEqualTo(RestAssured.port);
        given().header("Authorization", "").get("/q/metrics").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().header("Authorization", "").get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", "").get("/q/openapi").then().statusCode(200);
        given().header("Authorization", "").get("/q/swagger-ui/").then().statusCode(200);
        assertThat(scrape()).contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldCountCreatedClaimsAndStatusChanges() {
        String before = scrape();
        createClaim(overSeventyKilled());
        String claim = createClaim(overSeventyKilled());
        String replayKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", replayKey).body(overSeventyKilled())
                    .post("/api/v1/claims").then().statusCode(201);
        }
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("status", "IN_REVIEW"))
                .post("/api/v1/claims/{id}/status", claim).then().statusCode(200);
        String after = scrape();

        assertThat(metric(after, "claims_created_total", "") - metric(before, "claims_created_total", "")).isEqualTo(3.0);
        assertThat(metric(after, "claims_status_changes_total", "status=\"IN_REVIEW\"")
                - metric(before, "claims_status_changes_total", "status=\"IN_REVIEW\"")).isEqualTo(1.0);
        assertThat(after).contains("http_server_requests_seconds_count").contains("agroal_").contains("jvm_memory_used_bytes");
    }
}
