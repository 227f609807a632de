package org.claimledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.MigrationDatabases.connect;
import static org.claimledger.support.MigrationDatabases.count;
import static org.claimledger.support.MigrationDatabases.flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.claimledger.support.MigrationDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migration that moves each entry's leaf hash into the entry's own row (V18), on a database the
 * previous version wrote: leaves already in the tree keep their place and hash, leaves still waiting
 * in ledger_leaf_pending are placed after them, in ledger order, and the tree grows on from there;
 * an instance of the previous version still finds which entries wait, in the view that replaces the
 * table (V19).
 */
class LeafHashMigrationTest {

    private static final String PREVIOUS = "17";
    @RegisterExtension
    static final MigrationDatabases databases = new MigrationDatabases("leaf_hash");

    @Test
    void shouldKeepThePlacedLeavesAndPlaceTheWaitingOnesAfterThem() throws SQLException {
        String url = databases.newDatabase();
        flyway(url, PREVIOUS).migrate();
        List<Long> written = new ArrayList<>();
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (int i = 0; i < 5; i++) {
                written.add(writeAsThePreviousVersion(c, "Über " + (70 + i) + " Tote — \"at least\" 12"));
            }
            assertThat(count(c, "select ledger_seal(100)")).isEqualTo(5);
            for (int i = 0; i < 3; i++) {
                written.add(writeAsThePreviousVersion(c, "170 killed, revision " + i));
            }
            assertThat(count(c, "select count(*) from ledger_leaf_pending")).isEqualTo(3);
        }

        flyway(url, "latest").migrate();

        try (Connection c = connect(url); Statement s = c.createStatement()) {
            assertThat(count(c, "select count(*) from pg_tables where tablename = 'ledger_leaf_pending'")).isZero();
            assertThat(count(c, "select count(*) from history_entry where leaf_hash is null"
                    + " or leaf_hash <> sha256('\\x00'::bytea || ledger_leaf_bytes(id))")).isZero();
            // the tree as it was: five leaves, its position the fifth entry's
            assertThat(count(c, "select size from ledger_head")).isEqualTo(5);
            assertThat(count(c, "select last_entry from ledger_head")).isEqualTo(written.get(4));
            assertThat(count(c, "select count(*) from ledger_leaf l join history_entry h on h.id = l.history_entry_id"
                    + " where l.hash = h.leaf_hash and l.leaf_index < 5")).isEqualTo(5);
            // an instance of the previous version, still running during the upgrade, asks as it did (V19's view)
            for (int i = 0; i < written.size(); i++) {
                assertThat(pendingAsThePreviousVersionAsks(c, written.get(i))).as("entry %d pending", i).isEqualTo(i >= 5);
            }
            assertThat(count(c, "select count(*) from ledger_leaf_pending p join history_entry h on h.id = p.history_entry_id"
                    + " where p.hash = h.leaf_hash and p.rev = h.rev")).isEqualTo(3);

            // the three that waited, then one written now without its hash, placed two at a time
            written.add(writeAsThePreviousVersion(c, "an entry written during the upgrade"));
            assertThat(count(c, "select ledger_seal(2)")).isEqualTo(9);
            for (int i = 0; i < written.size(); i++) {
                assertThat(count(c, "select history_entry_id from ledger_leaf where leaf_index = " + i))
                        .as("leaf %d", i).isEqualTo(written.get(i));
            }
            assertThat(count(c, "select count(*) from ledger_leaf l join history_entry h on h.id = l.history_entry_id"
                    + " where l.hash <> h.leaf_hash")).isZero();
            for (long entry : written) {
                assertThat(pendingAsThePreviousVersionAsks(c, entry)).isFalse();
            }
            // the stored root of the first eight leaves is the root of their hashes
            var tree = new Merkle.Compact();
            try (var rs = s.executeQuery("select hash from ledger_leaf where leaf_index < 8 order by leaf_index")) {
                while (rs.next()) {
                    tree.append(rs.getBytes(1));
                }
            }
            try (var rs = s.executeQuery("select hash from ledger_node where level = 3 and idx = 0")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isEqualTo(tree.root());
            }
        }
    }

    /** The previous version's LedgerRepository.pending(), word for word, for the claim and revision of an entry. */
    private static boolean pendingAsThePreviousVersionAsks(Connection c, long entry) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select 1 from ledger_leaf_pending p join history_entry h"
                + " on h.id = p.history_entry_id where h.entity_type in ('CLAIM', 'ARTICLE') and h.entity_id = ? and h.rev = ?")) {
            try (PreparedStatement of = c.prepareStatement("select entity_id, rev from history_entry where id = ?")) {
                of.setLong(1, entry);
                try (var rs = of.executeQuery()) {
                    rs.next();
                    q.setObject(1, rs.getObject(1));
                    q.setLong(2, rs.getLong(2));
                }
            }
            try (var rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A revision and its one entry, as the previous version inserted them (no leaf hash): the entry's id. */
    private static long writeAsThePreviousVersion(Connection c, String statement) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("with r as (insert into revision (at, actor, reason, request_id)"
                + " values (now(), 'fact-checker', 'toll revisé', ?) returning id) insert into history_entry"
                + " (entity_type, entity_id, rev, type, fields, content, prev_hash, hash) select 'CLAIM', ?, r.id,"
                + " 'CREATED', '{statement}', ?, '', ? from r returning id")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, "{\"type\":\"CREATED\",\"snapshot\":{\"statement\":\"" + statement.replace("\"", "\\\"")
                    + "\"}}");
            insert.setString(4, "%064x".formatted(written(c)));
            try (var rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long written(Connection c) throws SQLException {
        return count(c, "select count(*) from history_entry");
    }
}
