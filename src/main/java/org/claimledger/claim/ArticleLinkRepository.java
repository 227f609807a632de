package org.claimledger.claim;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.claimledger.article.ArticleSummary;
import java.time.Instant;
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

    /** A live link as shown, before the article's url and title join it. */
    record Shown(UUID claimId, UUID articleId, LinkRole role, String excerpt, Instant createdAt, Instant updatedAt,
            long version) {

        ArticleLinkResponse with(ArticleSummary article) {
            return new ArticleLinkResponse(claimId, articleId, article.url(), article.title(), role, excerpt, createdAt,
                    updatedAt, version);
        }
    }

    /** The live links of these claims, oldest first, read into records (no entity loaded). */
    List<Shown> liveShownForClaims(Collection<UUID> claimIds) {
        return Rows.byIds(getEntityManager(), "select l.claim_id, l.article_id, l.role, l.excerpt, l.created_at,"
                + " l.updated_at, l.version from claim_article l where l.claim_id = any(?) and " + Live.sql("l")
                + " order by l.created_at, l.id", claimIds,
                row -> new Shown(Rows.uuid(row, "claim_id"), Rows.uuid(row, "article_id"),
                        Rows.enumOf(row, "role", LinkRole.class), row.getString("excerpt"),
                        Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"), row.getLong("version")));
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
