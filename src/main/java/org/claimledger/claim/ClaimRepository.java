package org.claimledger.claim;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.common.db.Live;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.PageRequest;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

@ApplicationScoped
class ClaimRepository implements PanacheRepositoryBase<Claim, UUID> {

    /** The claim; 404 or 410 unless it exists and is not deleted. */
    Claim live(UUID id) {
        return Live.orThrow(findById(id), "claim", id);
    }

    /** The claim, holding its row lock until the transaction ends; 404 or 410 unless it is live. */
    Claim lockLive(UUID id) {
        return Live.orThrow(findById(id, LockModeType.PESSIMISTIC_WRITE), "claim", id);
    }

    List<Claim> findLive(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1 and deletedAt is null", ids);
    }

    /** A claim of a page, with its full-text rank when the page is ranked. */
    record Row(Claim claim, Float rank) {
    }

    static final String RANK = "ts_rank(c.search, websearch_to_tsquery('english', :q))";

    /**
     * One keyset page of live claims (one row more than the limit, to tell if another page follows).
     * Ranked by relevance when {@code ranked}: by (rank, id), both descending.
     */
    @SuppressWarnings("unchecked")
    List<Row> page(ClaimFilter filter, PageRequest page, Cursor after, boolean ranked) {
        StringBuilder sql = new StringBuilder("select c.*")
                .append(ranked ? ", " + RANK + " as rank" : "")
                .append(" from claim c where c.deleted_at is null");
        Map<String, Object> params = new HashMap<>();
        where(filter, sql, params);
        if (after != null && ranked) {
            sql.append(" and (").append(RANK).append(", c.id) < (cast(:afterRank as real), :afterId)");
            params.put("afterRank", after.rank());
            params.put("afterId", after.id());
        } else if (after != null) {
            sql.append(" and ").append(page.sort().after("c"));
            params.put("afterAt", after.instant());
            params.put("afterId", after.id());
        }
        sql.append(" order by ").append(ranked ? "rank desc, c.id desc" : page.sort().orderBy("c"))
                .append(" limit :limit");
        params.put("limit", page.limit() + 1);
        NativeQuery<?> query = getEntityManager().createNativeQuery(sql.toString()).unwrap(NativeQuery.class);
        query.addEntity("c", Claim.class);
        if (ranked) {
            query.addScalar("rank", StandardBasicTypes.FLOAT);
        }
        params.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(r -> ranked ? new Row((Claim) ((Object[]) r)[0], (Float) ((Object[]) r)[1]) : new Row((Claim) r, null))
                .toList();
    }

    /** Whether following supersededBy from {@code start} reaches {@code target}. */
    boolean supersessionReaches(UUID start, UUID target) {
        Object found = getEntityManager().createNativeQuery(
                        "with recursive forward(id) as (select cast(:start as uuid) union"
                                + " select c.superseded_by from claim c join forward f on c.id = f.id"
                                + " where c.superseded_by is not null)"
                                + " select count(*) from forward where id = :target")
                .setParameter("start", start).setParameter("target", target).getSingleResult();
        return ((Number) found).longValue() > 0;
    }

    /**
     * The live claims of the supersession chain (a tree, when several claims were superseded by one)
     * that a claim belongs to: from its newest successor back to every claim it replaced, the
     * oldest first.
     */
    @SuppressWarnings("unchecked")
    List<Claim> lineage(UUID id) {
        return getEntityManager().createNativeQuery(
                        "with recursive forward(id, depth) as (select cast(:id as uuid), 0 union"
                                + " select c.superseded_by, f.depth + 1 from claim c join forward f on c.id = f.id"
                                + " where c.superseded_by is not null),"
                                + " newest as (select id from forward order by depth desc limit 1),"
                                + " back(id, depth) as (select id, 0 from newest union"
                                + " select c.id, b.depth + 1 from claim c join back b on c.superseded_by = b.id)"
                                + " select c.* from claim c join back b on b.id = c.id where c.deleted_at is null"
                                + " order by b.depth desc, c.created_at, c.id", Claim.class)
                .setParameter("id", id).getResultList();
    }

    /** The filter as SQL conditions on the claim alias c, appended with their parameters. */
    private static void where(ClaimFilter filter, StringBuilder sql, Map<String, Object> params) {
        if (filter.q() != null) {
            sql.append(" and c.search @@ websearch_to_tsquery('english', :q)");
            params.put("q", filter.q());
        }
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.type() != null) {
            sql.append(" and c.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.claimant() != null) {
            sql.append(" and lower(c.claimant) = lower(:claimant)");
            params.put("claimant", filter.claimant());
        }
        if (filter.tag() != null) {
            sql.append(" and c.tags @> array[cast(:tag as text)]");
            params.put("tag", filter.tag());
        }
        if (filter.articleId() != null) {
            sql.append(" and exists (select 1 from claim_article l where l.claim_id = c.id"
                    + " and l.article_id = :articleId and l.deleted_at is null)");
            params.put("articleId", filter.articleId());
        }
        if (filter.updatedSince() != null) {
            sql.append(" and c.updated_at >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        // a date filter keeps the claims whose date shares at least one day with it
        if (filter.claimDate() != null) {
            sql.append(" and c.claim_date_first <= :claimDateLast and c.claim_date_last >= :claimDateFirst");
            params.put("claimDateFirst", filter.claimDate().first());
            params.put("claimDateLast", filter.claimDate().last());
        }
        if (filter.eventDate() != null) {
            sql.append(" and c.event_date_first <= :eventDateLast and c.event_date_last >= :eventDateFirst");
            params.put("eventDateFirst", filter.eventDate().first());
            params.put("eventDateLast", filter.eventDate().last());
        }
    }

    @SuppressWarnings("unchecked")
    List<Object[]> countByStatusAndType(ClaimFilter filter) {
        StringBuilder sql = new StringBuilder("select c.status, c.type, count(*) from claim c where c.deleted_at is null");
        Map<String, Object> params = new HashMap<>();
        where(filter, sql, params);
        sql.append(" group by c.status, c.type");
        var query = getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
