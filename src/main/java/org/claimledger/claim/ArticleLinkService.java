package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.article.ArticleService;
import org.claimledger.article.ArticleSummary;
import org.claimledger.common.db.Live;
import org.claimledger.common.error.Gone;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.http.ETags;
import org.claimledger.common.http.ETags.Precondition;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.Page;
import org.claimledger.common.paging.PageRequest;
import org.claimledger.common.time.Ids;

/** Links between claims and articles. A link is part of its claim: changing it moves the claim's version. */
@ApplicationScoped
class ArticleLinkService {

    /** The result of a PUT: whether it created the link. */
    public record Put(ArticleLinkResponse link, boolean created) {
    }

    /** The most articles one claim may be linked to. */
    static final int MAX_PER_CLAIM = 100;

    private final ArticleLinkRepository links;
    private final ClaimChildren claims;
    private final ClaimRepository claimRows;
    private final ArticleService articles;

    ArticleLinkService(ArticleLinkRepository links, ClaimChildren claims, ClaimRepository claimRows,
            ArticleService articles) {
        this.links = links;
        this.claims = claims;
        this.claimRows = claimRows;
        this.articles = articles;
    }

    /**
     * Creates or updates the link. Creating needs no precondition (unless {@code If-None-Match: *},
     * which refuses an existing link); changing an existing link needs {@code If-Match}, except that
     * repeating the very same PUT is answered without it, since it overwrites nothing.
     */
    @Transactional
    public Put put(UUID claimId, UUID articleId, ArticleLinkRequest request, Precondition ifMatch, boolean onlyIfAbsent) {
        claims.lock(claimId);
        articles.requireLive(articleId);
        ArticleLink link = links.find(claimId, articleId).orElse(null);
        boolean exists = link != null && !link.isDeleted();
        if (exists && onlyIfAbsent) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "the claim is already linked to this article and If-None-Match: * was sent")
                    .with("currentEtag", ETags.of(link.version)).header("ETag", ETags.of(link.version));
        }
        if (exists) {
            boolean same = link.role == request.role() && java.util.Objects.equals(link.excerpt, request.excerpt());
            if (ifMatch == null && !same) {
                throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                        "the link exists; send If-Match with its ETag to change it");
            }
            if (ifMatch != null) {
                ifMatch.check(link.version);
            }
            if (same) {
                return new Put(view(link), false);
            }
        } else if (ifMatch != null && !ifMatch.tags().contains("*")) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match names a version of a link that does not exist");
        }
        if (!exists && links.count("claimId = ?1 and " + Live.JPQL, claimId) >= MAX_PER_CLAIM) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "a claim may link at most " + MAX_PER_CLAIM
                    + " articles", List.of(new org.claimledger.common.error.FieldError("articles",
                            "at most " + MAX_PER_CLAIM + " per claim")));
        }
        ArticleLink changed = link == null ? new ArticleLink() : link;
        claims.withClaimLocked(claimId, () -> {
            if (changed.id == null) {
                changed.id = Ids.newId();
                changed.claimId = claimId;
                changed.articleId = articleId;
                set(changed, request);
                links.persist(changed);
            } else {
                if (changed.isDeleted()) { // linked again: the link's life starts anew
                    changed.deletedAt = null;
                    changed.createdAt = Ids.now();
                }
                set(changed, request);
            }
        });
        return new Put(view(changed), !exists);
    }

    public ArticleLinkResponse get(UUID claimId, UUID articleId) {
        claims.requireLive(claimId);
        return view(live(claimId, articleId));
    }

    @Transactional
    public void delete(UUID claimId, UUID articleId, Precondition precondition) {
        claims.requireLive(claimId);
        ArticleLink link = live(claimId, articleId);
        precondition.check(link.version);
        claims.withClaimLocked(claimId, () -> {
            link.deletedAt = Ids.now();
        });
    }

    /** The live claims linked to an article, with how the article relates to each. */
    public Page<LinkedClaim> claimsOf(UUID articleId, PageRequest page) {
        articles.requireLive(articleId);
        String fingerprint = Cursor.fingerprint("article-claims", articleId, page.sort());
        Cursor after = Cursor.decode(page.cursor(), fingerprint);
        return Page.slice(links.pageForArticle(articleId, page, after), page.limit(),
                l -> Cursor.at(page.sort().keyOf(l.createdAt, l.updatedAt), l.id, fingerprint),
                rows -> {
                    Map<UUID, Claim> byId = claimRows.findLive(rows.stream().map(l -> l.claimId).toList()).stream()
                            .collect(java.util.stream.Collectors.toMap(c -> c.id, c -> c));
                    return rows.stream().filter(l -> byId.containsKey(l.claimId)).map(l -> {
                        Claim c = byId.get(l.claimId);
                        return new LinkedClaim(c.id, c.statement, c.type, c.status, l.role, l.excerpt,
                                l.createdAt, l.updatedAt);
                    }).toList();
                });
    }

    private static void set(ArticleLink link, ArticleLinkRequest request) {
        link.role = request.role();
        link.excerpt = request.excerpt();
    }

    private ArticleLink live(UUID claimId, UUID articleId) {
        return Live.orThrow(links.find(claimId, articleId).orElse(null), "link from claim " + claimId + " to article",
                articleId);
    }

    private ArticleLinkResponse view(ArticleLink link) {
        ArticleSummary article = articles.summaries(List.of(link.articleId)).get(link.articleId);
        if (article == null) {
            throw new Gone("article", link.articleId);
        }
        return ArticleLinkResponse.of(link, article);
    }
}
