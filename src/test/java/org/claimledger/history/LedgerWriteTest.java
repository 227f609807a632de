package org.claimledger.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.Map;
import java.util.UUID;
import org.claimledger.common.time.Ids;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

/** The ledger write: one revision per transaction, stamped with the change context its caller gives. */
@QuarkusTest
class LedgerWriteTest extends ApiTest {

    @Inject
    HistoryService history;

    @Test
    void shouldWriteOneRevisionPerTransactionStampedWithTheGivenContext() {
        UUID first = Ids.newId();
        UUID second = Ids.newId();
        UUID later = Ids.newId();
        var context = new ChangeContext("importer", "bulk import of the archive", "import-42");
        QuarkusTransaction.requiringNew().run(() -> {
            history.record(context, EntityType.ARTICLE, first, ChangeType.CREATED, article(first, "One"), false);
            history.record(new ChangeContext("someone-else", "ignored", "ignored"), EntityType.ARTICLE, second,
                    ChangeType.CREATED, article(second, "Two"), false);
        });
        QuarkusTransaction.requiringNew().run(() ->
                history.record(context, EntityType.ARTICLE, later, ChangeType.CREATED, article(later, "Three"), false));

        var rows = Db.rows("select h.entity_id, h.rev, r.actor, r.reason, r.request_id from history_entry h"
                + " join revision r on r.id = h.rev where h.entity_id in (?, ?, ?) order by h.id", first, second, later);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("rev")).isEqualTo(rows.get(1).get("rev"));
        assertThat(rows.get(2).get("rev")).isNotEqualTo(rows.get(0).get("rev"));
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("actor", "importer")
                .containsEntry("reason", "bulk import of the archive").containsEntry("request_id", "import-42"));
        assertThat(Db.count("select count(*) from revision where id = ?", rows.get(0).get("rev"))).isEqualTo(1);
        for (UUID id : new UUID[] {first, second, later}) {
            assertThat(history.verify(EntityType.ARTICLE, id).valid()).isTrue();
        }
    }

    @Test
    void shouldRefuseALedgerWriteOutsideATransaction() {
        UUID id = Ids.newId();
        long before = Db.count("select count(*) from revision");
        assertThatThrownBy(() -> history.record(ChangeContext.system(null), EntityType.ARTICLE, id, ChangeType.CREATED,
                article(id, "Nowhere"), false)).isInstanceOf(TransactionalException.class);
        assertThat(Db.count("select count(*) from revision")).isEqualTo(before);
    }

    @Test
    void shouldKeepTheRequestsReasonOverAStatusExplanation() {
        String claim = createClaim(overSeventyKilled());
        given().contentType(ContentType.JSON).header("If-Match", Fixtures.etagOf("/api/v1/claims/" + claim))
                .header("X-Change-Reason", "desk review")
                .body(Map.of("status", "IN_REVIEW", "explanation", "Checking with the Pentagon."))
                .when().post("/api/v1/claims/{id}/status", claim).then().statusCode(200);
        given().get("/api/v1/claims/{id}/history", claim).then()
                .body("items[0].reason", equalTo("desk review"))
                .body("items[0].actor", equalTo("bootstrap-admin"));
    }

    private static Snapshot article(UUID id, String title) {
        return new Snapshot().put("id", id).put("url", "https://example.org/" + id).put("title", title).put("version", 0);
    }
}
