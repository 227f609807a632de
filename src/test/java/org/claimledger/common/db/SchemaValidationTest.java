package org.claimledger.common.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Flyway owns the schema and Hibernate only checks it. The service no longer runs Hibernate's schema
 * validation at every production start (start-up time); the tests do: in the test profile Hibernate
 * validates the schema the migrations built against the entities before the service answers, so an
 * entity and a migration that disagree (a missing table or column, a column of another type) fail
 * this boot, this test and every other {@code @QuarkusTest}.
 */
@QuarkusTest
class SchemaValidationTest {

    @Test
    void shouldAnswerOnlyOnceHibernateFoundTheMigratedSchemaToBeTheOneTheEntitiesMap() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.hibernate-orm.schema-management.strategy", String.class))
                .as("the tests' boot validates the schema").isEqualTo("validate");
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
