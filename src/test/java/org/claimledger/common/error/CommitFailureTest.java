package org.claimledger.common.error;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.casualty;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection dies while PostgreSQL commits (a deferred trigger makes the server end its own
 * session inside COMMIT): the service cannot know whether the write committed, so it answers 503
 * with a problem that says so and that a retry with the same Idempotency-Key is safe — never 500.
 */
@QuarkusTest
class CommitFailureTest extends ApiTest {

    private static final String MARKER = "Dies at commit";

    @BeforeEach
    void killSessionsAtCommit() {
        Db.execute("""
                create or replace function test_die_at_commit() returns trigger language plpgsql as $$
                begin
                  perform pg_terminate_backend(pg_backend_pid());
                  perform pg_sleep(1);
                  return null;
                end $$""");
        Db.execute("drop trigger if exists test_die_at_commit on claim");
        Db.execute("create constraint trigger test_die_at_commit after insert on claim deferrable initially deferred"
                + " for each row when (new.statement like '" + MARKER + "%') execute function test_die_at_commit()");
    }

    @AfterEach
    void dropTrigger() {
        Db.execute("drop trigger if exists test_die_at_commit on claim");
        Db.execute("drop function if exists test_die_at_commit()");
    }

    @Test
    void shouldAnswerServiceUnavailableWithAnUnknownOutcomeWhenTheCommitFails() {
        String key = UUID.randomUUID().toString();
        var body = casualty(MARKER + ": two explosions killed over 70 people", "KILLED", "MORE_THAN", 70, "people");

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
        .when().post("/api/v1/claims")
        .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", containsString("service-unavailable"))
                .body("detail", containsString("outcome"))
                .body("detail", containsString("Idempotency-Key"));

        assertThat(Db.count("select count(*) from claim where statement like ?", MARKER + "%")).isZero();
        assertThat(Db.count("select count(*) from idempotency_key where key = ?", key)).isZero();
    }
}
