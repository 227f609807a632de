package org.claimledger.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LedgerTest extends ApiTest {

    static SignedNote.Verifier key() {
        String line = given().get("/api/v1/ledger/key").then().statusCode(200).contentType(startsWith("text/plain"))
                .extract().asString();
        return SignedNote.Verifier.parse(line);
    }

    static Checkpoint checkpoint(SignedNote.Verifier key) {
        String note = given().get("/api/v1/ledger/checkpoint").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        return Checkpoint.parse(key.open(note));
    }

    private static String patchClaimant(String claim, String etag, String claimant) {
        return given().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("claimant", claimant)).patch("/api/v1/claims/{id}", claim).then().statusCode(200)
                .extract().header("ETag");
    }

    @Test
    void shouldSignTheTreeOfEveryHistoryEntryWithThePublishedKey() {
        String claim = createClaim(overSeventyKilled());
        var key = key();
        assertThat(key.name()).isEqualTo("claim-ledger.local/ledger");
        Checkpoint checkpoint = checkpoint(key);

        assertThat(checkpoint.origin()).isEqualTo("claim-ledger.local/ledger");
        assertThat(checkpoint.time()).isNotNull();
        // every history entry is a leaf, and the root is that of the leaves stored
        assertThat(checkpoint.size()).isEqualTo(Db.count("select count(*) from history_entry"))
                .isEqualTo(Db.count("select count(*) from ledger_leaf"));
        var tree = new Merkle.Compact();
        for (var row : Db.rows("select hash from ledger_leaf where leaf_index < ? order by leaf_index", checkpoint.size())) {
            tree.append((byte[]) row.get("hash"));
        }
        assertThat(tree.root()).isEqualTo(checkpoint.root());
        assertThat(Db.count("select count(*) from ledger_leaf l join history_entry h on h.id = l.history_entry_id"
                + " where h.entity_id = ?", UUID.fromString(claim))).isEqualTo(1);

        // a note altered in any byte no longer opens
        String note = given().get("/api/v1/ledger/checkpoint").asString();
        assertThatThrownBy(() -> key.open(note.replaceFirst("\n\\d+\n", "\n1\n"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldProveARevisionIsInTheTreeOfACheckpoint() {
        String claim = createClaim(overSeventyKilled());
        patchClaimant(claim, "\"0\"", "Reuters");
        var key = key();
        Checkpoint checkpoint = checkpoint(key);
        long revision = ((Number) Db.value("select max(rev) from history_entry where entity_id = ?", UUID.fromString(claim))).longValue();

        var proof = given().queryParam("entityId", claim).queryParam("revision", revision)
                .queryParam("treeSize", checkpoint.size()).get("/api/v1/ledger/proofs/inclusion")
                .then().statusCode(200).contentType(ContentType.JSON).extract().as(InclusionProof.class);

        assertThat(proof.treeSize()).isEqualTo(checkpoint.size());
        assertThat(Merkle.verifyInclusion(proof.leafIndex(), proof.treeSize(), decode(proof.leafHash()),
                decode(proof.auditPath()), checkpoint.root())).isTrue();
        // the leaf is the entry the entries endpoint serves, hashed by anyone
        LedgerEntry entry = given().queryParam("from", proof.leafIndex()).queryParam("limit", 1)
                .get("/api/v1/ledger/entries").then().statusCode(200).extract().jsonPath()
                .getObject("items[0]", LedgerEntry.class);
        assertThat(entry.entityId()).isEqualTo(claim);
        assertThat(entry.revision()).isEqualTo(revision);
        assertThat(Merkle.leafHash(leafBytes(entry))).isEqualTo(decode(proof.leafHash()));
        // and the claim's history names the leaf
        given().get("/api/v1/claims/{id}/history", claim).then().statusCode(200)
                .body("items[0].leafIndex", equalTo((int) proof.leafIndex()));
    }

    @Test
    void shouldNameTheReviewedRevisionsLeafInTheClaimReview() {
        String claim = createClaim(overSeventyKilled());
        org.claimledger.support.Fixtures.create("/api/v1/claims/" + claim + "/sources",
                org.claimledger.support.Fixtures.pentagonBriefing("SUPPORTS"));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("status", "IN_REVIEW"))
                .post("/api/v1/claims/{id}/status", claim).then().statusCode(200);
        given().header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "explanation", "The Pentagon confirmed the toll."))
                .post("/api/v1/claims/{id}/status", claim).then().statusCode(200);
        long revision = ((Number) Db.value("select max(rev) from history_entry where entity_id = ?", UUID.fromString(claim))).longValue();

        var review = given().accept("application/ld+json").get("/api/v1/claims/{id}/claimreview", claim).then().statusCode(200);
        // the export places written leaves in the tree before it names one
        long leaf = ((Number) Db.value("select l.leaf_index from ledger_leaf l join history_entry h on h.id = l.history_entry_id"
                + " where h.entity_id = ? and h.rev = ?", UUID.fromString(claim), revision)).longValue();
        review.body("identifier.propertyID", equalTo("claimLedgerLeafIndex"))
                .body("identifier.value", equalTo((int) leaf))
                .body("identifier.url", equalTo("/api/v1/ledger/proofs/inclusion?entityId=" + claim + "&revision=" + revision));
        given().queryParam("entityId", claim).queryParam("revision", revision).get("/api/v1/ledger/proofs/inclusion")
                .then().statusCode(200).body("leafIndex", equalTo((int) leaf));
    }

    @Test
    void shouldProveEveryEarlierCheckpointIsAPrefixOfTheCurrentOne() {
        var key = key();
        createClaim(overSeventyKilled());
        Checkpoint first = checkpoint(key);
        String claim = createClaim(overSeventyKilled());
        patchClaimant(claim, "\"0\"", "Reuters");
        Checkpoint second = checkpoint(key);
        assertThat(second.size()).isEqualTo(first.size() + 2);

        var proof = given().queryParam("from", first.size()).queryParam("to", second.size())
                .get("/api/v1/ledger/proofs/consistency").then().statusCode(200).extract().as(ConsistencyProof.class);
        assertThat(Merkle.verifyConsistency(first.size(), second.size(), first.root(), second.root(),
                decode(proof.consistencyPath()))).isTrue();
        assertThat(Merkle.verifyConsistency(first.size(), second.size(), second.root(), second.root(),
                decode(proof.consistencyPath()))).isFalse();
    }

    @Test
    void shouldServeEveryLeafWithTheFieldsItHashes() {
        createClaim(overSeventyKilled());
        long size = checkpoint(key()).size();
        List<LedgerEntry> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/ledger/entries").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items", LedgerEntry.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(all.size()).isGreaterThanOrEqualTo((int) size);
        for (int i = 0; i < all.size(); i++) {
            LedgerEntry e = all.get(i);
            assertThat(e.leafIndex()).isEqualTo(i);
            assertThat(Merkle.leafHash(leafBytes(e))).as("leaf %d", i).isEqualTo(decode(e.leafHash()))
                    .isEqualTo((byte[]) Db.value("select hash from ledger_leaf where leaf_index = ?", (long) i));
        }
    }

    @Test
    void shouldRefuseProofsTheTreeCannotGive() {
        String claim = createClaim(overSeventyKilled());
        long size = checkpoint(key()).size();
        given().queryParam("entityId", claim).queryParam("revision", 1).get("/api/v1/ledger/proofs/inclusion")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("entityId", "not-a-uuid").queryParam("revision", 1).get("/api/v1/ledger/proofs/inclusion")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("entityId"));
        given().queryParam("revision", 1).get("/api/v1/ledger/proofs/inclusion").then().statusCode(400);
        long revision = ((Number) Db.value("select max(rev) from history_entry where entity_id = ?", UUID.fromString(claim))).longValue();
        given().queryParam("entityId", claim).queryParam("revision", revision).queryParam("treeSize", size + 1000)
                .get("/api/v1/ledger/proofs/inclusion").then().statusCode(400).body("parameter", equalTo("treeSize"));
        given().queryParam("entityId", claim).queryParam("revision", revision).queryParam("treeSize", 1)
                .get("/api/v1/ledger/proofs/inclusion").then().statusCode(400).body("parameter", equalTo("treeSize"));
        given().queryParam("from", 3).queryParam("to", 2).get("/api/v1/ledger/proofs/consistency")
                .then().statusCode(400).body("parameter", equalTo("from"));
        given().queryParam("from", 0).queryParam("to", 2).get("/api/v1/ledger/proofs/consistency").then().statusCode(400);
        given().queryParam("from", 1).queryParam("to", size + 1).get("/api/v1/ledger/proofs/consistency").then().statusCode(400);
        given().queryParam("limit", 201).get("/api/v1/ledger/entries").then().statusCode(400);
        given().queryParam("from", -1).get("/api/v1/ledger/entries").then().statusCode(400);
        given().header("Authorization", "").get("/api/v1/ledger/checkpoint").then().statusCode(401);
    }

    @Test
    void shouldStoreCheckpointsAppendOnlyAsTheTreeGrows() throws InterruptedException {
        createClaim(overSeventyKilled());
        long size = checkpoint(key()).size();
        long deadline = System.nanoTime() + 15_000_000_000L; // published every second in tests
        while (Db.count("select coalesce(max(tree_size), 0) from ledger_checkpoint") < size && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Db.count("select coalesce(max(tree_size), 0) from ledger_checkpoint")).isGreaterThanOrEqualTo(size);
        var key = key();
        var stored = Db.rows("select tree_size, root_hash, note from ledger_checkpoint order by tree_size");
        for (var row : stored) {
            Checkpoint c = Checkpoint.parse(key.open((String) row.get("note")));
            assertThat(c.size()).isEqualTo(row.get("tree_size"));
            assertThat(c.root()).isEqualTo((byte[]) row.get("root_hash"));
        }
        assertThatThrownBy(() -> Db.execute("update ledger_checkpoint set note = 'x'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Db.execute("delete from ledger_leaf")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Db.execute("update ledger_head set size = 0")).hasMessageContaining("only grows");
    }

    static byte[] leafBytes(LedgerEntry e) {
        return Leaf.bytes(e.entityType(), e.entityId(), e.revision(), e.timestamp(), e.actor(), e.reason(), e.requestId(),
                e.prevHash(), e.hash(), e.content());
    }

    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    static List<byte[]> decode(List<String> base64) {
        return base64.stream().map(LedgerTest::decode).toList();
    }
}
