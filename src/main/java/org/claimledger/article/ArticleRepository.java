package org.claimledger.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.claimledger.common.db.Live;
import org.claimledger.common.db.Rows;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.PageRequest;

@ApplicationScoped
class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    Optional<Article> findLiveByUrlKey(String urlKey) {
        return find("urlKey = ?1 and " + Live.JPQL, urlKey).firstResultOptional();
    }

    /** What other features show of these live articles, read into records (no entity loaded). */
    List<ArticleSummary> liveSummaries(Collection<UUID> ids) {
        return Rows.byIds(getEntityManager(), "select a.id, a.url, a.title, a.published_at from article a"
                + " where a.id = any(?) and " + Live.sql("a"), ids,
                row -> new ArticleSummary(Rows.uuid(row, "id"), row.getString("url"), row.getString("title"),
                        Rows.instant(row, "published_at")));
    }

    /** Serialises creates and url changes of one url across transactions and instances. */
    void lockUrl(String urlKey) {
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) l")
                .setParameter("key", "article-url:" + urlKey).getSingleResult();
    }

    /** One keyset page of live articles (one row more than the limit, to tell if another page follows). */
    @SuppressWarnings("unchecked")
    List<Article> page(ArticleFilter filter, PageRequest page, Cursor after) {
        StringBuilder sql = new StringBuilder("select a.* from article a where " + Live.sql("a"));
        if (filter.publisher() != null) {
            sql.append(" and lower(a.publisher) = lower(:publisher)");
        }
        if (filter.urlKey() != null) {
            sql.append(" and a.url_key = :urlKey");
        }
        if (after != null) {
            sql.append(" and ").append(page.sort().after("a"));
        }
        sql.append(" order by ").append(page.sort().orderBy("a")).append(" limit :limit");
        var query = getEntityManager().createNativeQuery(sql.toString(), Article.class)
                .setParameter("limit", page.limit() + 1);
        if (filter.publisher() != null) {
            query.setParameter("publisher", filter.publisher());
        }
        if (filter.urlKey() != null) {
            query.setParameter("urlKey", filter.urlKey());
        }
        if (after != null) {
            query.setParameter("afterAt", after.instant()).setParameter("afterId", after.id());
        }
        return query.getResultList();
    }
}
