package org.claimledger.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

/**
 * The sealer places written leaves on its own: with checkpoints published only hourly and nobody
 * asking for the tree, a write's leaf still takes its place moments after the commit.
 */
@QuarkusTest
@TestProfile(LedgerSealerTest.HourlyCheckpoints.class)
class LedgerSealerTest extends ApiTest {

    public static class HourlyCheckpoints implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claims.ledger.checkpoint-interval", "1h");
        }
    }

    @Test
    void shouldPlaceAWrittenLeafWithoutAnyoneReadingTheTree() throws InterruptedException {
        long checkpoints = Db.count("select count(*) from ledger_checkpoint");
        String claim = createClaim(overSeventyKilled());
        long deadline = System.nanoTime() + 15_000_000_000L;
        String sql = "select count(*) from ledger_leaf l join history_entry h on h.id = l.history_entry_id where h.entity_id = ?";
        while (Db.count(sql, UUID.fromString(claim)) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Db.count(sql, UUID.fromString(claim))).as("the claim's leaf, placed").isEqualTo(1);
        assertThat(Db.count("select count(*) from ledger_checkpoint")).as("no checkpoint placed it").isEqualTo(checkpoints);
        long leaf = ((Number) Db.value("select l.leaf_index from ledger_leaf l join history_entry h"
                + " on h.id = l.history_entry_id where h.entity_id = ?", UUID.fromString(claim))).longValue();
        given().get("/api/v1/claims/{id}/history", claim).then().statusCode(200)
                .body("items[0].leafIndex", equalTo((int) leaf));
    }
}
