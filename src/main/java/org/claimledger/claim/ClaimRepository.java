package org.claimledger.claim;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.PageRequest;

@ApplicationScoped
class ClaimRepository implements PanacheRepositoryBase<Claim, UUID> {

    /** Reads the claim and holds its row lock until the transaction ends. */
    Claim findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    List<Claim> findLive(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1 and deletedAt is null", ids);
    }

    /** One keyset page of live claims (one row more than the limit, to tell if another page follows). */
    @SuppressWarnings("unchecked")
    List<Claim> page(ClaimFilter filter, PageRequest page, Cursor after) {
        StringBuilder sql = new StringBuilder("select c.* from claim c where c.deleted_at is null");
        Map<String, Object> params = new HashMap<>();
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
        if (after != null) {
            sql.append(" and ").append(page.sort().after("c"));
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        sql.append(" order by ").append(page.sort().orderBy("c")).append(" limit :limit");
        params.put("limit", page.limit() + 1);
        var query = getEntityManager().createNativeQuery(sql.toString(), Claim.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
