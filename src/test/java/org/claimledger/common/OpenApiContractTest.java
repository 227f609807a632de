package org.claimledger.common;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, openapi/openapi.yaml, is exactly what SmallRye OpenAPI generates from the
 * annotated code. To refresh it after an API change: mvn test -Dtest=OpenApiContractTest -Dopenapi.update=true
 */
@QuarkusTest
class OpenApiContractTest extends ApiTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");

    @Test
    void shouldMatchTheCommittedSpec() throws IOException {
        String generated = given().accept("application/yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("openapi/openapi.yaml is committed").exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("openapi/openapi.yaml differs from the generated spec; run "
                        + "mvn test -Dtest=OpenApiContractTest -Dopenapi.update=true and commit the result")
                .isEqualTo(generated);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeEveryOperation() {
        Map<String, Object> paths = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            var op = (Map<String, Object>) value;
            String where = method.toUpperCase() + " " + path;
            assertThat(op.get("operationId")).as(where + " operationId").isNotNull();
            assertThat(op.get("summary")).as(where + " summary").isNotNull();
            assertThat((List<String>) op.get("tags")).as(where + " tags").isNotEmpty();
            var responses = (Map<String, Object>) op.get("responses");
            assertThat(responses).as(where + " responses").containsKeys("400", "500");
        }));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldHaveNoOrphanSchemas() {
        String json = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        Map<String, Object> schemas = io.restassured.path.json.JsonPath.from(json).getMap("components.schemas");
        assertThat(schemas).isNotEmpty().doesNotContainKeys("JsonNode", "JsonNodeType", "ObjectNode");
        for (String name : schemas.keySet()) {
            assertThat(json).as("schema " + name + " is referenced").contains("\"#/components/schemas/" + name + "\"");
        }
    }
}
