package org.claimledger.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL over the ledger tables; the history tables are only read. */
@ApplicationScoped
class LedgerRepository {

    /** The time as the leaf spells it: RFC 3339, UTC, six fractional digits. */
    static final String TIMESTAMP = "to_char(r.at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

    private final EntityManager em;

    LedgerRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Places the written leaves of every revision that can no longer change after the tree's last leaf,
     * {@code max} at a time (ledger_seal, V18); answers the tree size.
     */
    long seal(int max) {
        return ((Number) em.createNativeQuery("select ledger_seal(:max)").setParameter("max", max).getSingleResult())
                .longValue();
    }

    /** Whether this revision of this claim or article is written but not placed in the tree yet. */
    boolean pending(UUID entityId, long revision) {
        return !em.createNativeQuery("select 1 from history_entry h where h.entity_type in ('CLAIM', 'ARTICLE')"
                + " and h.entity_id = :id and h.rev = :rev"
                + " and not exists (select 1 from ledger_leaf l where l.history_entry_id = h.id)")
                .setParameter("id", entityId).setParameter("rev", revision).getResultList().isEmpty();
    }

    /** The stored subtrees named by {@link Merkle#key}, in one query. */
    @SuppressWarnings("unchecked")
    Map<Long, byte[]> nodes(Set<Long> keys) {
        Map<Long, byte[]> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> leaves = new ArrayList<>();
        List<String> inner = new ArrayList<>();
        for (long key : keys) {
            int level = Merkle.levelOf(key);
            long index = Merkle.indexOf(key);
            if (level == 0) {
                leaves.add(Long.toString(index));
            } else {
                inner.add("(" + level + "," + index + ")");
            }
        }
        StringBuilder sql = new StringBuilder("select 0, leaf_index, hash from ledger_leaf where leaf_index in (")
                .append(leaves.isEmpty() ? "-1" : String.join(",", leaves)).append(")");
        if (!inner.isEmpty()) {
            sql.append(" union all select level, idx, hash from ledger_node where (level, idx) in (")
                    .append(String.join(",", inner)).append(")");
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery(sql.toString()).getResultList()) {
            found.put(Merkle.key(((Number) row[0]).intValue(), ((Number) row[1]).longValue()), (byte[]) row[2]);
        }
        return found;
    }

    /** The leaf of an entity's revision: its index and hash. */
    @SuppressWarnings("unchecked")
    Optional<Object[]> leafOf(UUID entityId, long revision) {
        List<Object[]> rows = em.createNativeQuery("select l.leaf_index, l.hash from ledger_leaf l"
                + " join history_entry h on h.id = l.history_entry_id"
                + " where h.entity_type in ('CLAIM', 'ARTICLE') and h.entity_id = :id and h.rev = :rev")
                .setParameter("id", entityId).setParameter("rev", revision).getResultList();
        return rows.stream().findFirst();
    }

    /** Each entity's latest revision in the tree: entity id, revision, leaf index. */
    @SuppressWarnings("unchecked")
    List<Object[]> latestLeaves(String entityType, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("select distinct on (h.entity_id) h.entity_id, h.rev, l.leaf_index from history_entry h"
                + " join ledger_leaf l on l.history_entry_id = h.id where h.entity_type = :type and h.entity_id in (:ids)"
                + " order by h.entity_id, h.rev desc").setParameter("type", entityType).setParameter("ids", ids)
                .getResultList();
    }

    /** Up to limit leaves from index from, below size, with the entries they cover. */
    @SuppressWarnings("unchecked")
    List<LedgerEntry> entries(long from, long size, int limit) {
        List<Object[]> rows = em.createNativeQuery("select l.leaf_index, l.hash, h.entity_type, h.entity_id, h.rev, "
                + TIMESTAMP + ", r.actor, r.reason, r.request_id, h.prev_hash, h.hash, h.content from ledger_leaf l"
                + " join history_entry h on h.id = l.history_entry_id join revision r on r.id = h.rev"
                + " where l.leaf_index >= :from and l.leaf_index < :size order by l.leaf_index limit :limit")
                .setParameter("from", from).setParameter("size", size).setParameter("limit", limit).getResultList();
        List<LedgerEntry> entries = new ArrayList<>();
        for (Object[] r : rows) {
            entries.add(new LedgerEntry(((Number) r[0]).longValue(), Base64.getEncoder().encodeToString((byte[]) r[1]),
                    (String) r[2], r[3].toString(), ((Number) r[4]).longValue(), (String) r[5], (String) r[6],
                    (String) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11]));
        }
        return entries;
    }

    long latestCheckpointSize() {
        return ((Number) em.createNativeQuery("select coalesce(max(tree_size), 0) from ledger_checkpoint")
                .getSingleResult()).longValue();
    }

    /** Stores a checkpoint unless one of that size is stored already; whether it was stored. */
    boolean store(long size, byte[] root, Instant at, String note) {
        return em.createNativeQuery("insert into ledger_checkpoint (tree_size, root_hash, at, note)"
                + " values (:size, :root, :at, :note) on conflict (tree_size) do nothing")
                .setParameter("size", size).setParameter("root", root).setParameter("at", at).setParameter("note", note)
                .executeUpdate() == 1;
    }

    /** Stored checkpoints numbered after {@code after} and below {@code below}, in that order. */
    @SuppressWarnings("unchecked")
    List<Object[]> published(long after, long below, int limit) {
        return em.createNativeQuery("select revision, tree_size, root_hash, at, note from ledger_checkpoint"
                + " where revision > :after and revision < :below order by revision limit :limit")
                .setParameter("after", after).setParameter("below", below).setParameter("limit", limit)
                .getResultList();
    }

    /** The newest number a stored checkpoint below {@code below} has; 0 when none has one. */
    long newestPublished(long below) {
        return ((Number) em.createNativeQuery("select coalesce(max(revision), 0) from ledger_checkpoint"
                + " where revision < :below").setParameter("below", below).getSingleResult()).longValue();
    }
}
