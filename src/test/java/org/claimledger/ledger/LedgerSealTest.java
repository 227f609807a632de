package org.claimledger.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.etagOf;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

/**
 * Writers store their leaves; a leaf takes its place in the tree once every lower revision has
 * ended (V16); its hash is written in the entry's own row (V18). What a reader of the tree sees while a write is in flight, and that no writer waits
 * for the tree.
 */
@QuarkusTest
class LedgerSealTest extends ApiTest {

    @Test
    void shouldCommitAWriteWhileTheTreeHeadIsLocked() throws Exception {
        String claim;
        try (Connection sealer = Db.connect()) {
            sealer.setAutoCommit(false);
            // a seal in progress holds the tree head; a writer used to wait for it at COMMIT
            sealer.createStatement().execute("select size from ledger_head for update");
            claim = CompletableFuture.supplyAsync(() -> createClaim(overSeventyKilled()))
                    .get(60, TimeUnit.SECONDS);
            assertThat(Db.count("select count(*) from history_entry where entity_id = ?", UUID.fromString(claim)))
                    .isEqualTo(1);
            // its leaf hash is in its row, the hash of the bytes the database builds for it; not yet in the tree
            assertThat(Db.count("select count(*) from history_entry h where h.entity_id = ?"
                    + " and h.leaf_hash = sha256('\\x00'::bytea || ledger_leaf_bytes(h.id))"
                    + " and not exists (select 1 from ledger_leaf l where l.history_entry_id = h.id)",
                    UUID.fromString(claim))).isEqualTo(1);
            sealer.rollback();
        }
        // once the head is free, the leaf takes its place
        given().queryParam("entityId", claim).queryParam("revision", revisionOf(claim))
                .get("/api/v1/ledger/proofs/inclusion").then().statusCode(200);
    }

    @Test
    void shouldPlaceNoLeafAboveARevisionStillBeingWritten() throws Exception {
        var key = LedgerTest.key();
        long before = LedgerTest.checkpoint(key).size();
        String claim;
        try (Connection writer = Db.connect()) {
            writer.setAutoCommit(false);
            // a lower revision in flight: it holds its number until its transaction ends
            var rs = writer.createStatement().executeQuery(
                    "insert into revision (at, actor) values (now(), 'in-flight') returning id");
            rs.next();
            long inFlight = rs.getLong(1);

            claim = createClaim(overSeventyKilled());
            long revision = revisionOf(claim);
            assertThat(revision).isGreaterThan(inFlight);
            for (int i = 0; i < 4; i++) {
                createClaim(overSeventyKilled()); // more leaves held back, placed in batches below
            }

            // committed, stored, but not placed: a tree that held it could not take a lower revision later
            Checkpoint during = LedgerTest.checkpoint(key);
            assertThat(during.size()).isEqualTo(before).isEqualTo(Db.count("select count(*) from ledger_leaf"));
            given().queryParam("entityId", claim).queryParam("revision", revision).get("/api/v1/ledger/proofs/inclusion")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("not in the tree yet"));
            given().get("/api/v1/claims/{id}/history", claim).then().statusCode(200)
                    .body("items[0].leafIndex", nullValue());

            writer.rollback();
        }
        // the lower revision ended without an entry: the claim's leaf is the next one, no gap; two at a time
        Db.value("select ledger_seal(2)");
        Checkpoint after = LedgerTest.checkpoint(key);
        assertThat(after.size()).isEqualTo(before + 5).isEqualTo(Db.count("select count(*) from history_entry"));
        var tree = new Merkle.Compact();
        for (var row : Db.rows("select hash from ledger_leaf order by leaf_index")) {
            tree.append((byte[]) row.get("hash"));
        }
        assertThat(tree.root()).as("the root of the leaves placed in batches").isEqualTo(after.root());
        assertThat(Db.count("select count(*) from ledger_leaf l join history_entry h on h.id = l.history_entry_id"
                + " where l.hash <> h.leaf_hash")).as("leaves placed with the hash their entry was written with").isZero();
        long revision = revisionOf(claim);
        var proof = given().queryParam("entityId", claim).queryParam("revision", revision)
                .queryParam("treeSize", after.size()).get("/api/v1/ledger/proofs/inclusion")
                .then().statusCode(200).body("leafIndex", equalTo((int) before)).extract().as(InclusionProof.class);
        assertThat(Merkle.verifyInclusion(proof.leafIndex(), proof.treeSize(), decode(proof.leafHash()),
                proof.auditPath().stream().map(LedgerSealTest::decode).toList(), after.root())).isTrue();
        given().get("/api/v1/claims/{id}/history", claim).then().statusCode(200)
                .body("items[0].leafIndex", equalTo((int) before));
        // the tree's order is the ledger's: no leaf follows a leaf of a later revision
        assertThat(Db.count("select count(*) from ledger_leaf a join ledger_leaf b on b.leaf_index = a.leaf_index + 1"
                + " join history_entry ha on ha.id = a.history_entry_id join history_entry hb on hb.id = b.history_entry_id"
                + " where (hb.rev, hb.id) < (ha.rev, ha.id)")).isZero();
    }

    @Test
    void shouldWriteEveryEntrysLeafHashAsTheDatabaseBuildsItsBytes() throws Exception {
        // entries with quotes, non-ASCII text and a reason, written by the service: its hash is the bytes'
        var claim = new java.util.HashMap<>(overSeventyKilled());
        claim.put("statement", "«Über 70 Tote» — \"at least\" 12 U.S. service members; 死亡");
        String id = createClaim(claim);
        given().header("If-Match", etagOf("/api/v1/claims/" + id)).header("X-Change-Reason", "toll revisé")
                .contentType("application/merge-patch+json").body("{\"statement\": \"Über 170 killed\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .patch("/api/v1/claims/{id}", id).then().log().ifValidationFails().statusCode(200);
        assertThat(Db.count("select count(*) from history_entry where leaf_hash <> sha256('\\x00'::bytea"
                + " || ledger_leaf_bytes(id))")).as("entries whose stored leaf hash is not their bytes'").isZero();
        assertThat(Db.count("select count(*) from history_entry where entity_id = ?", UUID.fromString(id))).isEqualTo(2);

        // an entry written without it (an instance of the previous version, during an upgrade) gets it from the database
        try (Connection writer = Db.connect()) {
            writer.setAutoCommit(false);
            var rs = writer.createStatement().executeQuery("with r as (insert into revision (at, actor, reason)"
                    + " values (now(), 'old-instance', 'upgrade') returning id) insert into history_entry"
                    + " (entity_type, entity_id, rev, type, fields, content, prev_hash, hash) select 'CLAIM',"
                    + " gen_random_uuid(), r.id, 'CREATED', '{}', '{}', '', repeat('0', 64) from r"
                    + " returning id");
            rs.next();
            long entry = rs.getLong(1);
            rs = writer.createStatement().executeQuery("select leaf_hash = sha256('\\x00'::bytea || ledger_leaf_bytes(id))"
                    + " from history_entry where id = " + entry);
            rs.next();
            assertThat(rs.getBoolean(1)).as("the leaf hash the database filled in").isTrue();
            writer.rollback();
        }
    }

    @Test
    void shouldFenceARevisionNumberedPastTwoToThe31() throws Exception {
        long far = (1L << 31) + 7;
        try (Connection writer = Db.connect()) {
            writer.setAutoCommit(false);
            // the lock named after the number used to take it as an int: past 2^31, every write failed
            writer.createStatement().execute("insert into revision (id, at, actor) values (" + far + ", now(), 'far')");
            assertThat(Db.rows("select r from revisions_in_flight() r")).extracting(row -> row.get("r")).contains(far);
            writer.rollback();
        }
        assertThat(Db.rows("select r from revisions_in_flight() r")).extracting(row -> row.get("r")).doesNotContain(far);
    }

    private static long revisionOf(String claim) {
        return ((Number) Db.value("select max(rev) from history_entry where entity_id = ?", UUID.fromString(claim)))
                .longValue();
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
