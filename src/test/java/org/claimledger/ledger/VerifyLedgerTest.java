package org.claimledger.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier a reader runs outside the service, against insiders with full database access: they
 * switch the append-only triggers off, rewrite or delete history, and repair the per-claim hash
 * chain so that the service's own verification still says valid. A checkpoint saved before catches it.
 */
@QuarkusTest
class VerifyLedgerTest extends ApiTest {

    @TempDir
    Path temp;

    record Run(int exit, String out) {
    }

    private Run verify(Path checkpoint, String... more) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] base = {"--url", "http://127.0.0.1:" + RestAssured.port, "--checkpoint", checkpoint.toString(),
                "--api-key", ADMIN_KEY};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        int exit = VerifyLedger.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private Path saveCheckpoint() throws Exception {
        Path file = Files.createTempFile(temp, "checkpoint", ".txt");
        Files.writeString(file, given().get("/api/v1/ledger/checkpoint").then().statusCode(200).extract().asString());
        return file;
    }

    private static void patch(String claim, String etag, Map<String, Object> body) {
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(body)
                .patch("/api/v1/claims/{id}", claim).then().statusCode(200);
    }

    private static long leafOf(String claim, long rev) {
        return ((Number) Db.value("select l.leaf_index from ledger_leaf l join history_entry h on h.id = l.history_entry_id"
                + " where h.entity_id = ? and h.rev = ?", UUID.fromString(claim), rev)).longValue();
    }

    private static List<Map<String, Object>> chain(String claim) {
        return Db.rows("select h.id, h.rev, h.content, h.prev_hash, h.hash, r.at, r.actor, r.reason, r.request_id"
                + " from history_entry h join revision r on r.id = h.rev where h.entity_id = ? order by h.rev",
                UUID.fromString(claim));
    }

    @Test
    void shouldAcceptALedgerThatWasOnlyAppendedToAndSaveTheNewCheckpoint() throws Exception {
        createClaim(overSeventyKilled());
        Path saved = saveCheckpoint();
        String claim = createClaim(overSeventyKilled());
        patch(claim, "\"0\"", Map.of("claimant", "Reuters"));
        Path next = temp.resolve("next.txt");
        String key = given().get("/api/v1/ledger/key").asString();

        Run run = verify(saved, "--key", key.strip(), "--save", next.toString());

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("consistency proof").contains("OK");
        assertThat(Checkpoint.parse(SignedNote.Verifier.parse(key).open(Files.readString(next))).size())
                .isGreaterThan(Checkpoint.parse(SignedNote.Verifier.parse(key).open(Files.readString(saved))).size());
    }

    @Test
    void shouldNameTheRewrittenLeafThatThePerClaimChainNoLongerShows() throws Exception {
        String claim = createClaim(overSeventyKilled());
        patch(claim, "\"0\"", Map.of("claimant", "Reuters"));
        patch(claim, "\"1\"", Map.of("claimant", "AP"));
        Path saved = saveCheckpoint();
        createClaim(overSeventyKilled());
        List<Map<String, Object>> original = chain(claim);
        long firstRev = ((Number) original.get(0).get("rev")).longValue();

        // the insider: triggers off, the first revision says 7 instead of 70, the chain recomputed after it
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("alter table history_entry disable trigger all");
            }
            String previous = "";
            for (var row : original) {
                String content = (String) row.get("content");
                if (((Number) row.get("rev")).longValue() == firstRev) {
                    content = content.replace("\"value\":70", "\"value\":7");
                    assertThat(content).isNotEqualTo(row.get("content"));
                }
                String hash = chainHash(previous, claim, row, content);
                try (var u = c.prepareStatement("update history_entry set content = ?, prev_hash = ?, hash = ? where id = ?")) {
                    u.setString(1, content);
                    u.setString(2, previous);
                    u.setString(3, hash);
                    u.setLong(4, ((Number) row.get("id")).longValue());
                    u.executeUpdate();
                }
                previous = hash;
            }
            try (var s = c.createStatement()) {
                s.execute("alter table history_entry enable trigger all");
            }
            c.commit();
        }
        try {
            given().get("/api/v1/claims/{id}/history/verify", claim).then().statusCode(200).body("valid", equalTo(true));

            Run run = verify(saved);

            assertThat(run.exit()).as(run.out()).isEqualTo(1);
            assertThat(run.out()).contains("rewritten").contains("first bad leaf: " + leafOf(claim, firstRev))
                    .contains("CLAIM " + claim + " revision " + firstRev);
        } finally {
            restore(original);
        }
        assertThat(verify(saved).exit()).isZero();
    }

    @Test
    void shouldCatchTheNewestEntriesDeletedWithTheirLeaves() throws Exception {
        createClaim(overSeventyKilled());
        String claim = createClaim(overSeventyKilled());
        patch(claim, "\"0\"", Map.of("claimant", "Reuters"));
        Path saved = saveCheckpoint();
        long size = Db.count("select size from ledger_head");
        long firstGone = leafOf(claim, ((Number) chain(claim).get(0).get("rev")).longValue());
        assertThat(firstGone).isEqualTo(size - 2);

        try (Connection c = Db.connect(); var s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temp table gone_entry as select * from history_entry where id in"
                    + " (select history_entry_id from ledger_leaf where leaf_index >= " + firstGone + ")");
            s.execute("create temp table gone_leaf as select * from ledger_leaf where leaf_index >= " + firstGone);
            s.execute("create temp table gone_node as select * from ledger_node where (idx + 1) * (1::bigint << level) > " + firstGone);
            s.execute("set session_replication_role = replica");
            s.execute("delete from ledger_node where (level, idx) in (select level, idx from gone_node)");
            s.execute("delete from ledger_leaf where leaf_index >= " + firstGone);
            s.execute("delete from history_entry where id in (select history_entry_id from gone_leaf)");
            s.execute("update ledger_head set size = " + firstGone);
            c.commit();
            try {
                Run run = verify(saved);
                assertThat(run.exit()).as(run.out()).isEqualTo(1);
                assertThat(run.out()).contains("shrank").contains("first bad leaf: " + firstGone);
            } finally {
                s.execute("insert into history_entry select * from gone_entry");
                s.execute("insert into ledger_leaf select * from gone_leaf");
                s.execute("insert into ledger_node select * from gone_node");
                s.execute("update ledger_head set size = " + size);
                c.commit();
            }
        }
        assertThat(verify(saved).exit()).isZero();
    }

    @Test
    void shouldCatchTheNewestEntriesDeletedWhileTheTreeKeepsTheirLeaves() throws Exception {
        createClaim(overSeventyKilled());
        String claim = createClaim(overSeventyKilled());
        patch(claim, "\"0\"", Map.of("claimant", "Reuters"));
        Path saved = saveCheckpoint();
        long first = leafOf(claim, ((Number) chain(claim).get(0).get("rev")).longValue());

        try (Connection c = Db.connect(); var s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temp table gone_newest as select * from history_entry where entity_id = '" + claim + "'");
            s.execute("set session_replication_role = replica");
            s.execute("delete from history_entry where entity_id = '" + claim + "'");
            c.commit();
            try {
                Run run = verify(saved);
                assertThat(run.exit()).as(run.out()).isEqualTo(1);
                assertThat(run.out()).contains("history was deleted").contains("first bad leaf: " + first);
            } finally {
                s.execute("insert into history_entry select * from gone_newest");
                c.commit();
            }
        }
        assertThat(verify(saved).exit()).isZero();
    }

    @Test
    void shouldCatchAWholeClaimsHistoryDeleted() throws Exception {
        String claim = createClaim(overSeventyKilled());
        patch(claim, "\"0\"", Map.of("claimant", "Reuters"));
        createClaim(overSeventyKilled());
        Path saved = saveCheckpoint();
        long first = leafOf(claim, ((Number) chain(claim).get(0).get("rev")).longValue());

        try (Connection c = Db.connect(); var s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temp table gone_claim as select * from history_entry where entity_id = '" + claim + "'");
            s.execute("set session_replication_role = replica");
            s.execute("delete from history_entry where entity_id = '" + claim + "'");
            c.commit();
            try {
                given().get("/api/v1/claims/{id}/history", claim).then().statusCode(404);
                Run run = verify(saved);
                assertThat(run.exit()).as(run.out()).isEqualTo(1);
                assertThat(run.out()).contains("history was deleted").contains("first bad leaf: " + first);
            } finally {
                s.execute("insert into history_entry select * from gone_claim");
                c.commit();
            }
        }
        assertThat(verify(saved).exit()).isZero();
    }

    @Test
    void shouldRefuseACheckpointOfAnotherKeyAndUsageErrors() throws Exception {
        createClaim(overSeventyKilled());
        Path saved = saveCheckpoint();
        var other = LedgerKey.generate();
        String foreign = SignedNote.verifierKey("claim-ledger.local/ledger", SignedNote.rawPublicKey(other.getPublic()));

        Run wrongKey = verify(saved, "--key", foreign);
        assertThat(wrongKey.exit()).isEqualTo(1);
        assertThat(wrongKey.out()).contains("does not verify");

        assertThat(VerifyLedger.run(new String[] {"--url", "http://127.0.0.1:1"}, System.out, System.err)).isEqualTo(2);
        assertThat(verify(temp.resolve("missing.txt")).exit()).isEqualTo(2);
        Path garbage = Files.writeString(temp.resolve("garbage.txt"), "not a checkpoint");
        assertThat(verify(garbage).exit()).isEqualTo(2);
    }

    /** Puts the rows back as they were, with the triggers off again. */
    private static void restore(List<Map<String, Object>> rows) throws Exception {
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
            }
            for (var row : rows) {
                try (var u = c.prepareStatement("update history_entry set content = ?, prev_hash = ?, hash = ? where id = ?")) {
                    u.setString(1, (String) row.get("content"));
                    u.setString(2, (String) row.get("prev_hash"));
                    u.setString(3, (String) row.get("hash"));
                    u.setLong(4, ((Number) row.get("id")).longValue());
                    u.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /** The per-entity chain hash exactly as HistoryService computes it: what an insider would redo. */
    private static String chainHash(String previous, String claim, Map<String, Object> row, String content) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("entityType", "CLAIM");
        envelope.put("entityId", claim);
        envelope.put("revision", ((Number) row.get("rev")).longValue());
        envelope.put("timestamp", ((Timestamp) row.get("at")).toInstant().toString());
        envelope.put("actor", row.get("actor"));
        envelope.put("reason", row.get("reason"));
        envelope.put("requestId", row.get("request_id"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((previous + "\n" + new ObjectMapper().writeValueAsString(envelope) + "\n" + content)
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
