package org.claimledger.claim;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.claimledger.common.db.Live;
import org.claimledger.common.db.UuidArray;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.PageRequest;

@ApplicationScoped
class SourceRepository implements PanacheRepositoryBase<Source, UUID> {

    @SuppressWarnings("unchecked")
    List<Source> liveForClaims(Collection<UUID> claimIds) {
        return claimIds.isEmpty() ? List.of() : getEntityManager().createNativeQuery("select s.* from source s"
                        + " where s.claim_id = any(cast(:ids as uuid[])) and " + Live.sql("s") + " order by s.created_at, s.id",
                        Source.class)
                .setParameter("ids", UuidArray.of(claimIds)).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<Source> page(UUID claimId, PageRequest page, Cursor after) {
        String sql = "select s.* from source s where s.claim_id = :claimId and " + Live.sql("s")
                + (after == null ? "" : " and " + page.sort().after("s"))
                + " order by " + page.sort().orderBy("s") + " limit :limit";
        var query = getEntityManager().createNativeQuery(sql, Source.class)
                .setParameter("claimId", claimId).setParameter("limit", page.limit() + 1);
        if (after != null) {
            query.setParameter("afterAt", after.instant()).setParameter("afterId", after.id());
        }
        return query.getResultList();
    }
}
