package org.claimledger.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimledger.support.MigrationDatabases.connect;
import static org.claimledger.support.MigrationDatabases.count;
import static org.claimledger.support.MigrationDatabases.flyway;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimledger.support.MigrationDatabases;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migration that removes Hibernate Envers (V9), on a database the previous version filled:
 * claims and articles with their *_aud rows and their hash-chained history, written here as that
 * version wrote them, the hashes computed by the service's own code. The migration proves every
 * chain before it drops anything, and refuses when one was tampered with.
 */
class EnversRemovalMigrationTest {

    /** The migration under test, found by its description so that a renumbering does not break the test. */
    private static final String DESCRIPTION = "drop envers audit tables";
    @RegisterExtension
    static final MigrationDatabases databases = new MigrationDatabases("envers");

    @Test
    void shouldDropTheAuditTablesOnceEveryChainWrittenByThePreviousVersionVerifies() throws SQLException {
        String url = databaseAtPreviousVersion();
        int chains;
        try (Connection c = connect(url)) {
            chains = new PreviousVersion(c).fill();
            assertThat(count(c, "select count(*) from claim_aud")).isPositive();
        }

        flyway(url, "latest").migrate();

        try (Connection c = connect(url)) {
            assertThat(count(c, "select count(*) from flyway_schema_history where description = '" + DESCRIPTION
                    + "' and success")).isEqualTo(1);
            for (String table : List.of("claim_aud", "source_aud", "claim_article_aud", "article_aud")) {
                assertThat(count(c, "select count(*) from pg_tables where tablename = '" + table + "'")).as(table).isZero();
            }
            assertThat(count(c, "select count(*) from information_schema.columns"
                    + " where table_name = 'revision' and column_name = 'timestamp'")).isZero();
            Map<String, HashChain.Check> checks = verify(c);
            assertThat(checks).hasSize(chains);
            assertThat(checks.values()).allSatisfy(check -> assertThat(check.broken).isNull());
            assertThat(checks.values().stream().mapToLong(check -> check.revisions).sum())
                    .isEqualTo(count(c, "select count(*) from history_entry"));
        }
    }

    @Test
    void shouldRefuseToMigrateWhenAChainWasTamperedWith() throws SQLException {
        String url = databaseAtPreviousVersion();
        UUID claim;
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            PreviousVersion previous = new PreviousVersion(c);
            previous.fill();
            claim = previous.tampered;
            s.execute("alter table history_entry disable trigger history_entry_append_only");
            s.execute("update history_entry set content = replace(content, '\"value\":90', '\"value\":75')"
                    + " where entity_id = '" + claim + "' and content like '%\"value\":90%'");
            s.execute("alter table history_entry enable trigger history_entry_append_only");
        }

        assertThatThrownBy(() -> flyway(url, "latest").migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("1 hash chain(s) do not verify")
                .hasMessageContaining("CLAIM " + claim + " from revision");

        try (Connection c = connect(url)) {
            assertThat(count(c, "select count(*) from flyway_schema_history where description = '" + DESCRIPTION
                    + "' and success")).isZero();
            assertThat(count(c, "select count(*) from claim_aud")).isPositive();
            assertThat(count(c, "select count(*) from information_schema.columns"
                    + " where table_name = 'revision' and column_name = 'timestamp'")).isEqualTo(1);
        }
    }

    /** A fresh database migrated up to the version before the ledger became the only history. */
    private static String databaseAtPreviousVersion() throws SQLException {
        String url = databases.newDatabase();
        MigrationInfo[] all = flyway(url, "latest").info().all();
        for (int i = 1; i < all.length; i++) {
            if (all[i].getDescription().equals(DESCRIPTION)) {
                flyway(url, all[i - 1].getVersion().getVersion()).migrate();
                return url;
            }
        }
        throw new AssertionError("no migration " + DESCRIPTION);
    }

    /** Every chain recomputed by the service's own check, by entity. */
    private static Map<String, HashChain.Check> verify(Connection c) throws SQLException {
        Map<String, HashChain.Check> checks = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery(
                "select h.rev, h.entity_type, h.entity_id, h.content, h.prev_hash, h.hash, r.at, r.actor, r.reason,"
                        + " r.request_id from history_entry h join revision r on r.id = h.rev"
                        + " order by h.entity_type, h.entity_id, h.rev")) {
            while (rs.next()) {
                var row = new HistoryRepository.Row(rs.getLong(1), EntityType.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8), rs.getString(9),
                        rs.getString(10), null);
                checks.computeIfAbsent(row.entityType() + " " + row.entityId(), k -> new HashChain.Check()).accept(row);
            }
        }
        return checks;
    }

    /**
     * Writes rows as the previous version did: one revision per transaction (with Envers' epoch
     * millisecond clock), the audited rows and their *_aud copies, and a history entry per changed
     * claim or article, hash-chained per entity.
     */
    private static final class PreviousVersion {
        private final Connection c;
        private final Map<UUID, String> lastHash = new LinkedHashMap<>();
        private final Map<UUID, ObjectNode> lastSnapshot = new LinkedHashMap<>();
        private Instant clock = Instant.parse("2026-11-20T08:00:00Z");
        UUID tampered;

        PreviousVersion(Connection c) {
            this.c = c;
        }

        /** The story of a few claims and articles; answers how many chains it wrote. */
        int fill() throws SQLException {
            // whole seconds, milliseconds and microseconds: the three spellings of an instant
            UUID article = UUID.randomUUID();
            long rev = revision(clock, "bootstrap-admin", null, "req-1");
            insert("insert into article (id, url, url_key, title, authors, created_at, updated_at, version)"
                    + " values (?, 'https://globalnews.ca/kabul', 'https://globalnews.ca/kabul', 'Kabul', '{\"A. Writer\"}', ?, ?, 0)",
                    article, at(clock), at(clock));
            insert("insert into article_aud (id, rev, revtype, url, url_key, title, created_at, updated_at)"
                    + " values (?, ?, 0, 'https://globalnews.ca/kabul', 'https://globalnews.ca/kabul', 'Kabul', ?, ?)",
                    article, rev, at(clock), at(clock));
            entry(EntityType.ARTICLE, article, rev, "CREATED", articleState(article, "Kabul", 0));

            for (int i = 0; i < 25; i++) {
                UUID claim = UUID.randomUUID();
                if (i == 0) {
                    tampered = claim;
                }
                tick(i % 3 == 0 ? 0 : i % 3 == 1 ? 123_000 : 123_456);
                rev = revision(clock, "desk-" + i, null, "req-c" + i);
                insert("insert into claim (id, statement, type, status, quantity_measure, quantity_qualifier,"
                        + " quantity_value, created_at, updated_at, version) values (?, 'Over seventy killed', 'CASUALTY_COUNT',"
                        + " 'UNVERIFIED', 'KILLED', 'MORE_THAN', 70, ?, ?, 0)", claim, at(clock), at(clock));
                insert("insert into claim_aud (id, rev, revtype, statement, type, status, quantity_value, created_at,"
                        + " updated_at) values (?, ?, 0, 'Over seventy killed', 'CASUALTY_COUNT', 'UNVERIFIED', 70, ?, ?)",
                        claim, rev, at(clock), at(clock));
                entry(EntityType.CLAIM, claim, rev, "CREATED", claimState(claim, new BigDecimal("70"), List.of(), 0));

                // reasons and actors as headers and identity providers may spell them
                tick(1);
                rev = revision(clock, i == 1 ? "nicht \"Üblich\" \\ \u001f\u000b 🦉" : "desk-" + i,
                        i == 2 ? "revised\ttoll: \"90\" \\ é\u2028" : "revised toll", i == 3 ? null : "req-p" + i);
                insert("update claim set quantity_value = 90, version = 1 where id = ?", claim);
                insert("insert into claim_aud (id, rev, revtype, statement, type, status, quantity_value, created_at,"
                        + " updated_at) values (?, ?, 1, 'Over seventy killed', 'CASUALTY_COUNT', 'UNVERIFIED', 90, ?, ?)",
                        claim, rev, at(clock), at(clock));
                entry(EntityType.CLAIM, claim, rev, "UPDATED", claimState(claim, new BigDecimal("90"), List.of(), 1));

                tick(250_000);
                UUID source = UUID.randomUUID();
                rev = revision(clock, "desk-" + i, "Pentagon briefing", "req-s" + i);
                insert("insert into source (id, claim_id, url, kind, stance, created_at, updated_at, version)"
                        + " values (?, ?, 'https://www.defense.gov/', 'OFFICIAL', 'SUPPORTS', ?, ?, 0)",
                        source, claim, at(clock), at(clock));
                insert("insert into source_aud (id, rev, revtype, claim_id, url, kind, stance) values (?, ?, 0, ?,"
                        + " 'https://www.defense.gov/', 'OFFICIAL', 'SUPPORTS')", source, rev, claim);
                insert("insert into claim_article (id, claim_id, article_id, role, created_at, updated_at, version)"
                        + " values (?, ?, ?, 'APPEARS_IN', ?, ?, 0)", UUID.randomUUID(), claim, article, at(clock), at(clock));
                insert("insert into claim_article_aud (id, rev, revtype, claim_id, article_id, role)"
                        + " values (?, ?, 0, ?, ?, 'APPEARS_IN')", UUID.randomUUID(), rev, claim, article);
                entry(EntityType.CLAIM, claim, rev, "UPDATED",
                        claimState(claim, new BigDecimal("90"), List.of(source.toString()), 2));
            }

            tick(1_000_000);
            rev = revision(clock, "bootstrap-admin", "duplicate", null);
            entry(EntityType.ARTICLE, article, rev, "DELETED", articleState(article, "Kabul", 1));
            return 26;
        }

        private void tick(long micros) {
            clock = Instant.ofEpochSecond(clock.getEpochSecond() + 1, micros * 1000);
        }

        private long revision(Instant at, String actor, String reason, String requestId) throws SQLException {
            try (var s = c.prepareStatement("insert into revision (timestamp, at, actor, reason, request_id)"
                    + " values (?, ?, ?, ?, ?) returning id")) {
                s.setLong(1, at.toEpochMilli());
                s.setObject(2, at(at));
                s.setString(3, actor);
                s.setString(4, reason);
                s.setString(5, requestId);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        /** A history entry as the previous version wrote it: {type, changes, snapshot}, canonical, chained. */
        private void entry(EntityType type, UUID id, long rev, String change, ObjectNode snapshot) throws SQLException {
            snapshot.put("deleted", change.equals("DELETED"));
            List<Change> changes = Snapshots.diff(lastSnapshot.get(id), snapshot,
                    type == EntityType.CLAIM ? Map.of("sources", new SnapshotShape.KeyedList("id", Set.of("claimId"))) : Map.of());
            ObjectNode content = JsonNodeFactory.instance.objectNode();
            content.put("type", change);
            var array = content.putArray("changes");
            for (Change ch : changes) {
                var item = array.addObject();
                item.put("field", ch.field());
                item.set("from", ch.from());
                item.set("to", ch.to());
            }
            content.set("snapshot", snapshot);
            String text = CanonicalJson.write(content);
            String previous = lastHash.getOrDefault(id, "");
            String actor;
            String reason;
            String requestId;
            Instant at;
            try (var s = c.prepareStatement("select at, actor, reason, request_id from revision where id = ?")) {
                s.setLong(1, rev);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    at = rs.getObject(1, OffsetDateTime.class).toInstant();
                    actor = rs.getString(2);
                    reason = rs.getString(3);
                    requestId = rs.getString(4);
                }
            }
            String hash = HashChain.link(previous, type, id, rev, at, actor, reason, requestId, text);
            try (var s = c.prepareStatement("insert into history_entry (entity_type, entity_id, rev, type, fields,"
                    + " content, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, type.name());
                s.setObject(2, id);
                s.setLong(3, rev);
                s.setString(4, change);
                s.setArray(5, c.createArrayOf("text", changes.stream().map(Change::field).toArray()));
                s.setString(6, text);
                s.setString(7, previous);
                s.setString(8, hash);
                s.executeUpdate();
            }
            lastHash.put(id, hash);
            lastSnapshot.put(id, snapshot);
        }

        private ObjectNode claimState(UUID id, BigDecimal value, List<String> sources, long version) {
            List<Snapshot> sourceStates = new ArrayList<>();
            for (String source : sources) {
                sourceStates.add(new Snapshot().put("id", source).put("claimId", id).put("url", "https://www.defense.gov/")
                        .put("kind", "OFFICIAL").put("stance", "SUPPORTS").put("version", 0));
            }
            return (ObjectNode) CanonicalJson.read(new Snapshot().put("id", id).put("statement", "Over seventy killed")
                    .put("type", "CASUALTY_COUNT").put("status", "UNVERIFIED").putStrings("tags", List.of("kabul"))
                    .put("quantity", new Snapshot().put("measure", "KILLED").put("qualifier", "MORE_THAN")
                            .put("value", value).put("upperValue", (BigDecimal) null))
                    .putList("sources", sourceStates).putList("articles", List.of())
                    .put("createdAt", clock).put("updatedAt", clock).put("version", version).toString());
        }

        private ObjectNode articleState(UUID id, String title, long version) {
            return (ObjectNode) CanonicalJson.read(new Snapshot().put("id", id).put("url", "https://globalnews.ca/kabul")
                    .put("title", title).putStrings("authors", List.of("A. Writer")).put("version", version).toString());
        }

        private void insert(String sql, Object... params) throws SQLException {
            try (var s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                s.executeUpdate();
            }
        }

        private static OffsetDateTime at(Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
    }
}
