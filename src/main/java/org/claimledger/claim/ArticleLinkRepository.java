package org.claimledger.claim;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.claimledger.common.db.Live;
import org.claimledger.common.db.Rows;
import org.claimledger.common.db.UuidArray;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.PageRequest;

@ApplicationScoped
class ArticleLinkRepository implements PanacheRepositoryBase<ArticleLink, UUID> {

    /**
     * The live links, as shown, oldest first, of the claims that {@code claims} selects (a condition
     * on {@code l.claim_id} with {@code ?} parameters), to live articles only, each with its
     * article's url and title joined in the same statement; {@link #shown} reads a row.
     */
    static String liveShown(String claims) {
        return "select l.claim_id, l.article_id, a.url, a.title, l.role, l.excerpt, l.created_at, l.updated_at, l.version"
                + " from claim_article l join article a on a.id = l.article_id and " + Live.sql("a")
                + " where " + claims + " and " + Live.sql("l") + " order by l.created_at, l.id";
    }

    /** A row of {@link #liveShown} as the record a claim shows (no entity loaded). */
    static ArticleLinkResponse shown(ResultSet row) throws SQLException {
        return new ArticleLinkResponse(Rows.uuid(row, "claim_id"), Rows.uuid(row, "article_id"), row.getString("url"),
                row.getString("title"), Rows.enumOf(row, "role", LinkRole.class), row.getString("excerpt"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"), row.getLong("version"));
    }

    Optional<ArticleLink> find(UUID claimId, UUID articleId) {
        return find("claimId = ?1 and articleId = ?2", claimId, articleId).firstResultOptional();
    }

    @SuppressWarnings("unchecked")
    List<ArticleLink> liveForClaims(Collection<UUID> claimIds) {
        return claimIds.isEmpty() ? List.of() : getEntityManager().createNativeQuery("select l.* from claim_article l"
                        + " where l.claim_id = any(cast(:ids as uuid[])) and " + Live.sql("l") + " order by l.created_at, l.id",
                        ArticleLink.class)
                .setParameter("ids", UuidArray.of(claimIds)).getResultList();
    }

    List<ArticleLink> liveForArticle(UUID articleId) {
        return list("articleId = ?1 and " + Live.JPQL + " order by createdAt, id", articleId);
    }

    /** One keyset page of an article's live links to live claims. */
    @SuppressWarnings("unchecked")
    List<ArticleLink> pageForArticle(UUID articleId, PageRequest page, Cursor after) {
        String sql = "select l.* from claim_article l join claim c on c.id = l.claim_id and " + Live.sql("c")
                + " where l.article_id = :articleId and " + Live.sql("l")
                + (after == null ? "" : " and " + page.sort().after("l"))
                + " order by " + page.sort().orderBy("l") + " limit :limit";
        var query = getEntityManager().createNativeQuery(sql, ArticleLink.class)
                .setParameter("articleId", articleId).setParameter("limit", page.limit() + 1);
        if (after != null) {
            query.setParameter("afterAt", after.instant()).setParameter("afterId", after.id());
        }
        return query.getResultList();
    }
}
