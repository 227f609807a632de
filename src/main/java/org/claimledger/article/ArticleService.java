package org.claimledger.article;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.claimledger.common.db.Live;
import org.claimledger.common.http.ETags.Precondition;
import org.claimledger.common.json.MergePatch;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageRequest;
import org.claimledger.common.time.Ids;
import org.claimledger.history.ChangeType;
import org.claimledger.history.CurrentChange;
import org.claimledger.history.EntityType;
import org.claimledger.history.HistoryService;
import org.claimledger.history.Snapshot;

/** Articles: their rules (one live article per url) and their transactions. */
@ApplicationScoped
public class ArticleService {

    static final Map<String, String> READ_ONLY = Map.of(
            "id", "read-only", "createdAt", "read-only", "updatedAt", "read-only", "version",
            "read-only; send the ETag in If-Match instead");

    private final ArticleRepository articles;
    private final MergePatch mergePatch;

    private final HistoryService history;
    private final CurrentChange currentChange;

    ArticleService(ArticleRepository articles, MergePatch mergePatch, HistoryService history,
            CurrentChange currentChange) {
        this.history = history;
        this.currentChange = currentChange;
        this.articles = articles;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public ArticleResponse create(ArticleRequest request) {
        String urlKey = UrlKeys.of(request.url());
        articles.lockUrl(urlKey);
        articles.findLiveByUrlKey(urlKey).ifPresent(existing -> {
            throw new DuplicateArticle(existing.id, existing.url);
        });
        Article article = new Article();
        article.id = Ids.newId();
        apply(article, request, urlKey);
        articles.persist(article);
        articles.flush();
        record(article, ChangeType.CREATED);
        return ArticleResponse.of(article);
    }

    public ArticleResponse get(UUID id) {
        return ArticleResponse.of(live(id));
    }

    public Page<ArticleResponse> list(String publisher, String url, PageRequest page) {
        String urlKey = url == null ? null : UrlKeys.of(url);
        if (url != null && urlKey == null) {
            urlKey = url; // not a url: matches nothing, which is the honest answer
        }
        var filter = new ArticleFilter(publisher, urlKey);
        String fingerprint = Cursor.fingerprint("articles", filter, page.sort());
        Cursor after = Cursor.decode(page.cursor(), fingerprint);
        return Page.slice(articles.page(filter, page, after), page.limit(),
                a -> Cursor.at(page.sort().keyOf(a.createdAt, a.updatedAt), a.id, fingerprint),
                rows -> rows.stream().map(ArticleResponse::of).toList());
    }

    @Transactional
    public ArticleResponse update(UUID id, Precondition precondition, JsonNode patch) {
        Article article = live(id);
        precondition.check(article.version);
        ArticleRequest current = ArticleResponse.of(article).toRequest();
        ArticleRequest merged = mergePatch.apply(current, patch, ArticleRequest.class, READ_ONLY);
        if (merged.equals(current)) {
            return ArticleResponse.of(article);
        }
        String urlKey = UrlKeys.of(merged.url());
        if (!urlKey.equals(article.urlKey)) {
            articles.lockUrl(urlKey);
            articles.findLiveByUrlKey(urlKey).filter(other -> !other.id.equals(id)).ifPresent(other -> {
                throw new DuplicateArticle(other.id, other.url);
            });
        }
        apply(article, merged, urlKey);
        articles.flush();
        record(article, ChangeType.UPDATED);
        return ArticleResponse.of(article);
    }

    @Transactional
    public void delete(UUID id, Precondition precondition) {
        Article article = live(id);
        precondition.check(article.version);
        article.deletedAt = Ids.now();
        articles.flush();
        record(article, ChangeType.DELETED);
    }

    /** Records the article's state, just flushed, in its history. */
    private void record(Article article, ChangeType type) {
        history.record(currentChange.context(), EntityType.ARTICLE, article.id, type, snapshot(article),
                type == ChangeType.DELETED);
    }

    /** The article as the ledger records it: member for member what {@link ArticleResponse} serves. */
    static Snapshot snapshot(Article a) {
        return new Snapshot()
                .put("id", a.id)
                .put("url", a.url)
                .put("title", a.title)
                .put("publisher", a.publisher)
                .putStrings("authors", a.authors)
                .put("publishedAt", a.publishedAt)
                .put("language", a.language)
                .put("createdAt", a.createdAt)
                .put("updatedAt", a.updatedAt)
                .put("version", a.version);
    }

    /** Throws 404 or 410 unless the article exists and is not deleted. */
    public void requireLive(UUID id) {
        live(id);
    }

    /** The live articles among these ids, by id. */
    public Map<UUID, ArticleSummary> summaries(Collection<UUID> ids) {
        return articles.liveSummaries(ids).stream()
                .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
    }

    private Article live(UUID id) {
        return Live.orThrow(articles.findById(id), "article", id);
    }

    private static void apply(Article article, ArticleRequest request, String urlKey) {
        article.url = request.url().trim();
        article.urlKey = urlKey;
        article.title = request.title();
        article.publisher = request.publisher();
        article.authors = request.authors() == null ? List.of() : List.copyOf(request.authors());
        article.publishedAt = request.publishedAt();
        article.language = request.language();
    }
}
