package org.claimledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check itself: it must fail on what breaks openapi/openapi.yaml, or it proves nothing. */
class ContractTest {

    private static final String CLAIM = "/api/v1/claims/7f0c2a52-8d4c-4d8e-9a1b-3c5d6e7f8a9b";
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> PROBLEM = Map.of("Content-Type",
            List.of("application/problem+json"));

    private static List<String> check(String method, String uri, Map<String, List<String>> requestHeaders,
            String requestBody, int status, Map<String, List<String>> responseHeaders, String responseBody) {
        return Contract.COMMITTED.violations(new Contract.Exchange(method, URI.create("http://localhost:8081" + uri),
                requestHeaders, requestBody, status, responseHeaders, responseBody));
    }

    @Test
    void shouldPassADeclaredProblem() {
        assertThat(check("GET", CLAIM, Map.of(), null, 404, PROBLEM,
                "{\"type\":\"https://claimledger.org/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"no claim\"}")).isEmpty();
    }

    @Test
    void shouldFailAnUndeclaredStatus() {
        assertThat(check("GET", "/api/v1/stats/claims", Map.of(), null, 418, PROBLEM,
                "{\"type\":\"about:blank\",\"title\":\"Teapot\",\"status\":418}"))
                .anySatisfy(v -> assertThat(v).contains("status 418 is not declared"));
    }

    @Test
    void shouldFailABodyThatBreaksItsSchema() {
        assertThat(check("GET", CLAIM, Map.of(), null, 200, JSON, "{\"id\": 12, \"statement\": null}"))
                .anySatisfy(v -> assertThat(v).contains("response body"));
    }

    @Test
    void shouldFailAnEmptyProblem() {
        assertThat(check("GET", CLAIM, Map.of(), null, 404, Map.of(), ""))
                .anySatisfy(v -> assertThat(v).contains("the answer has none"));
    }

    @Test
    void shouldFailAnAcceptedRequestOutsideTheContractButNotARefusedOne() {
        String notAClaim = "{\"statement\": 12}";
        assertThat(check("POST", "/api/v1/claims", JSON, notAClaim, 201, Map.of(), ""))
                .anySatisfy(v -> assertThat(v).contains("accepted a request the contract does not allow"));
        assertThat(check("POST", "/api/v1/claims", JSON, notAClaim, 400, PROBLEM,
                "{\"type\":\"https://claimledger.org/problems/malformed-request\",\"title\":\"Malformed request\","
                        + "\"status\":400,\"detail\":\"statement: expected a string\"}")).isEmpty();
    }

    @Test
    void shouldCheckAResponseHeaderDescribedUnderComponents() {
        String notFound = "{\"type\":\"https://claimledger.org/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"no claim\"}";
        assertThat(check("GET", CLAIM, Map.of(), null, 404, Map.of("Content-Type", List.of("application/problem+json"),
                "RateLimit-Remaining", List.of("-1")), notFound))
                .anySatisfy(v -> assertThat(v).contains("response header RateLimit-Remaining"));
        assertThat(check("GET", CLAIM, Map.of(), null, 404, Map.of("Content-Type", List.of("application/problem+json"),
                "RateLimit-Remaining", List.of("59")), notFound)).isEmpty();
    }

    @Test
    void shouldFailAQueryParameterOutsideItsSchema() {
        assertThat(check("GET", "/api/v1/claims?limit=5000", Map.of(), null, 200, JSON,
                "{\"items\":[],\"nextCursor\":null}"))
                .anySatisfy(v -> assertThat(v).contains("query parameter limit"));
    }
}
