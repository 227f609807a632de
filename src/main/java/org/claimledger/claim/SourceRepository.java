package org.claimledger.claim;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.claimledger.common.db.Live;
import org.claimledger.common.db.Rows;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.PageRequest;

@ApplicationScoped
class SourceRepository implements PanacheRepositoryBase<Source, UUID> {

    /** The live sources of these claims as shown, oldest first, read into records (no entity loaded). */
    List<SourceResponse> liveResponsesForClaims(Collection<UUID> claimIds) {
        return Rows.byIds(getEntityManager(), liveShown("s.claim_id = any(?)"), claimIds, SourceRepository::shown);
    }

    /**
     * The live sources, as shown, oldest first, of the claims that {@code claims} selects (a condition
     * on {@code s.claim_id} with {@code ?} parameters); {@link #shown} reads a row.
     */
    static String liveShown(String claims) {
        return "select s.id, s.claim_id, s.url, s.title, s.publisher, s.kind, s.stance, s.accessed_at, s.archived_url,"
                + " s.note, s.created_at, s.updated_at, s.version from source s where " + claims + " and "
                + Live.sql("s") + " order by s.created_at, s.id";
    }

    /** A row of {@link #liveShown} as the record a claim shows (no entity loaded). */
    static SourceResponse shown(ResultSet row) throws SQLException {
        return new SourceResponse(Rows.uuid(row, "id"), Rows.uuid(row, "claim_id"), row.getString("url"),
                row.getString("title"), row.getString("publisher"), Rows.enumOf(row, "kind", SourceKind.class),
                Rows.enumOf(row, "stance", Stance.class), Rows.instant(row, "accessed_at"),
                row.getString("archived_url"), row.getString("note"), Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"), row.getLong("version"));
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
