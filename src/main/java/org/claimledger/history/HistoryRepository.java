package org.claimledger.history;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.claimledger.common.db.Columns;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

@ApplicationScoped
class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    /** A history entry with the revision it belongs to. */
    record Row(long rev, EntityType entityType, UUID entityId, String content, String prevHash, String hash,
            Instant at, String actor, String reason, String requestId, Long leafIndex) {
    }

    private static final String SELECT = "select h.rev, h.entity_type, h.entity_id, h.content, h.prev_hash, h.hash,"
            + " r.at, r.actor, r.reason, r.request_id,"
            + " (select l.leaf_index from ledger_leaf l where l.history_entry_id = h.id)"
            + " from history_entry h join revision r on r.id = h.rev";

    /** What the next entry of a chain needs of the entity's latest: its revision, content and hash. */
    record Link(long rev, String content, String hash) {
    }

    /*
     * The statements of every write (the revision, the previous entry, the new entry) run with
     * plain JDBC on the transaction's connection: Hibernate's persist of an identity entity read the
     * whole row back, and its queries built entities the ledger never changes.
     */

    /** The entity's latest entry, if it has one. */
    Optional<Link> latest(EntityType type, UUID id) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select rev, content, hash from history_entry"
                    + " where entity_type = ? and entity_id = ? order by rev desc limit 1")) {
                statement.setString(1, type.name());
                statement.setObject(2, id);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(new Link(row.getLong(1), row.getString(2), row.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    /** A revision just written, and the latest entry of the entity asked about (if asked and it has one). */
    record Started(long revision, Optional<Link> latest) {
    }

    /**
     * Writes a revision (an identity column, so that the entries can name it) and, when {@code type}
     * is given, reads that entity's latest entry in the same statement. The caller holds the entity's
     * row lock, so no other writer adds to its chain meanwhile.
     */
    Started insertRevision(Instant at, String actor, String reason, String requestId, EntityType type, UUID id) {
        return work(connection -> {
            String insert = "insert into revision (at, actor, reason, request_id) values (?, ?, ?, ?) returning id";
            try (PreparedStatement statement = connection.prepareStatement(type == null ? insert
                    : "with r as (" + insert + ") select r.id, h.rev, h.content, h.hash from r left join lateral"
                            + " (select rev, content, hash from history_entry where entity_type = ? and entity_id = ?"
                            + " order by rev desc limit 1) h on true")) {
                statement.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                statement.setString(2, actor);
                statement.setString(3, reason);
                statement.setString(4, requestId);
                if (type != null) {
                    statement.setString(5, type.name());
                    statement.setObject(6, id);
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    long revision = row.getLong(1);
                    if (type == null || row.getString(4) == null) {
                        return new Started(revision, Optional.empty());
                    }
                    return new Started(revision, Optional.of(new Link(row.getLong(2), row.getString(3), row.getString(4))));
                }
            }
        });
    }

    void insert(HistoryEntry entry) {
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("insert into history_entry (entity_type,"
                    + " entity_id, rev, type, fields, content, prev_hash, hash, leaf_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, entry.entityType.name());
                statement.setObject(2, entry.entityId);
                statement.setLong(3, entry.rev);
                statement.setString(4, entry.type.name());
                statement.setArray(5, connection.createArrayOf("text", entry.fields.toArray()));
                statement.setString(6, entry.content);
                statement.setString(7, entry.prevHash);
                statement.setString(8, entry.hash);
                statement.setBytes(9, entry.leafHash);
                return statement.executeUpdate();
            }
        });
    }

    private <T> T work(ReturningWork<T> work) {
        return getEntityManager().unwrap(Session.class).doReturningWork(work);
    }

    boolean exists(EntityType type, UUID id) {
        return count("entityType = ?1 and entityId = ?2", type, id) > 0;
    }

    Optional<Row> at(EntityType type, UUID id, long rev) {
        return rows(SELECT + " where h.entity_type = :type and h.entity_id = :id and h.rev = :rev",
                Map.of("type", type.name(), "id", id, "rev", rev)).stream().findFirst();
    }

    /** The numbers of the revisions that changed the entity, oldest first (at most {@code limit}, the latest). */
    List<Long> revisions(EntityType type, UUID id, int limit) {
        List<Long> revisions = new ArrayList<>(find("entityType = ?1 and entityId = ?2 order by rev desc", type, id)
                .page(0, limit).stream().map(e -> e.rev).toList());
        java.util.Collections.reverse(revisions);
        return revisions;
    }

    /** The entity as it stood at an instant: its latest revision at or before it. */
    Optional<Row> asOf(EntityType type, UUID id, Instant instant) {
        return rows(SELECT + " where h.entity_type = :type and h.entity_id = :id and r.at <= :at"
                + " order by h.rev desc limit 1", Map.of("type", type.name(), "id", id, "at", instant)).stream().findFirst();
    }

    /** One keyset page (limit + 1 rows) of an entity's revisions, newest first. */
    List<Row> page(EntityType type, UUID id, HistoryFilter filter, int limit, Long beforeRev) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where h.entity_type = :type and h.entity_id = :id");
        Map<String, Object> params = new HashMap<>(Map.of("type", type.name(), "id", id, "limit", limit + 1));
        filter.appendTo(sql, params);
        if (beforeRev != null) {
            sql.append(" and h.rev < :before");
            params.put("before", beforeRev);
        }
        sql.append(" order by h.rev desc limit :limit");
        return rows(sql.toString(), params);
    }

    /**
     * One keyset page (limit + 1 rows) of the whole ledger. Only revisions below the {@link #fence}
     * are shown, every one of which has ended, so a reader that continues after revision N never
     * misses a lower-numbered revision that commits later. (Comparing transaction ids with the oldest
     * running one is not enough: a transaction takes its id at its first write and its revision
     * number later, so an older revision can be hidden while a newer one shows.)
     */
    List<Row> feed(EntityType type, HistoryFilter filter, boolean ascending, int limit, Long afterRev) {
        return feed(type, filter, ascending, limit, afterRev, fence());
    }

    /** As above, below a {@link #fence()} the caller read before. */
    List<Row> feed(EntityType type, HistoryFilter filter, boolean ascending, int limit, Long afterRev, long fence) {
        StringBuilder sql = new StringBuilder(SELECT)
                .append(" where h.rev < :fence");
        Map<String, Object> params = new HashMap<>(Map.of("limit", limit + 1, "fence", fence));
        if (type != null) {
            sql.append(" and h.entity_type = :type");
            params.put("type", type.name());
        }
        filter.appendTo(sql, params);
        if (afterRev != null) {
            sql.append(ascending ? " and h.rev > :after" : " and h.rev < :after");
            params.put("after", afterRev);
        }
        sql.append(" order by h.rev ").append(ascending ? "asc" : "desc").append(", h.id ")
                .append(ascending ? "asc" : "desc").append(" limit :limit");
        return rows(sql.toString(), params);
    }

    /**
     * The lowest revision that may still commit: the lowest one whose transaction is running (it
     * holds the advisory lock the revision_in_flight trigger takes) or else the next the sequence
     * gives. Read in a statement of its own, before the read's snapshot, so that every revision
     * below it has ended by the time the read looks.
     */
    long fence() {
        return ((Number) getEntityManager().createNativeQuery("select revision_fence()").getSingleResult()).longValue();
    }

    /** Every entry of one entity's chain, oldest first, read as a stream. */
    Stream<Row> chain(EntityType type, UUID id) {
        return streamRows(SELECT + " where h.entity_type = :type and h.entity_id = :id order by h.rev",
                Map.of("type", type.name(), "id", id));
    }

    /** Every entry of every chain, chain by chain, oldest first, read as a stream. */
    Stream<Row> allChains() {
        return streamRows(SELECT + " order by h.entity_type, h.entity_id, h.rev", Map.of());
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(String sql, Map<String, Object> params) {
        var query = getEntityManager().createNativeQuery(sql);
        params.forEach(query::setParameter);
        List<Row> rows = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            rows.add(row(r));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private Stream<Row> streamRows(String sql, Map<String, Object> params) {
        var query = getEntityManager().createNativeQuery(sql).setHint("org.hibernate.fetchSize", 200);
        params.forEach(query::setParameter);
        return ((Stream<Object[]>) query.getResultStream()).map(HistoryRepository::row);
    }

    private static Row row(Object[] r) {
        return new Row(((Number) r[0]).longValue(), EntityType.valueOf((String) r[1]), (UUID) r[2], (String) r[3],
                (String) r[4], (String) r[5], Columns.instant(r[6]), (String) r[7], (String) r[8], (String) r[9],
                r[10] == null ? null : ((Number) r[10]).longValue());
    }
}
