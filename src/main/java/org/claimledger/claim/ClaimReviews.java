package org.claimledger.claim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.article.ArticleService;
import org.claimledger.article.ArticleSummary;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.ledger.LedgerService;

/**
 * schema.org ClaimReview (JSON-LD) for claims with a verdict, as fact-checking publishers embed on
 * their pages. Rating scale, 1 (worst) to 5 (best): FALSE 1, MISLEADING 2, DISPUTED 3, UNPROVEN 3,
 * VERIFIED 5.
 */
@ApplicationScoped
class ClaimReviews {

    static final ProblemType NO_VERDICT = ProblemType.of("no-verdict", "The claim has no verdict to publish", 409);

    static final Map<ClaimStatus, Integer> RATING = Map.of(ClaimStatus.FALSE, 1, ClaimStatus.MISLEADING, 2,
            ClaimStatus.DISPUTED, 3, ClaimStatus.UNPROVEN, 3, ClaimStatus.VERIFIED, 5);
    static final Map<ClaimStatus, String> VERDICT_NAME = Map.of(ClaimStatus.FALSE, "False",
            ClaimStatus.MISLEADING, "Misleading", ClaimStatus.DISPUTED, "Disputed", ClaimStatus.UNPROVEN, "Unproven",
            ClaimStatus.VERIFIED, "True");

    private final ClaimService claims;
    private final ClaimViews views;
    private final ArticleLinkRepository links;
    private final ArticleService articles;
    private final LedgerService ledger;
    private final PublisherConfig publisher;

    ClaimReviews(ClaimService claims, ClaimViews views, ArticleLinkRepository links, ArticleService articles,
            LedgerService ledger, PublisherConfig publisher) {
        this.claims = claims;
        this.views = views;
        this.links = links;
        this.articles = articles;
        this.ledger = ledger;
        this.publisher = publisher;
    }

    ObjectNode of(UUID id) {
        ClaimResponse claim = claims.get(id);
        if (!RATING.containsKey(claim.status())) {
            throw new ProblemException(NO_VERDICT, "claim " + id + " is " + claim.status()
                    + "; a ClaimReview needs a verdict (VERIFIED, FALSE, MISLEADING, DISPUTED or UNPROVEN)");
        }
        ObjectNode review = review(claim);
        review.put("@context", "https://schema.org");
        return review;
    }

    /** Every reviewed claim linked to an article, as one @graph. */
    ObjectNode ofArticle(UUID articleId) {
        articles.requireLive(articleId);
        List<UUID> ids = links.liveForArticle(articleId).stream().map(l -> l.claimId).distinct().toList();
        ArrayNode graph = JsonNodeFactory.instance.arrayNode();
        for (ClaimResponse claim : views.live(ids)) {
            if (RATING.containsKey(claim.status())) {
                graph.add(review(claim));
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("@context", "https://schema.org");
        out.set("@graph", graph);
        return out;
    }

    private ObjectNode review(ClaimResponse claim) {
        var f = JsonNodeFactory.instance;
        Map<UUID, ArticleSummary> linked = articles.summaries(claim.articles().stream().map(ArticleLinkResponse::articleId).toList());
        ObjectNode review = f.objectNode();
        review.put("@type", "ClaimReview");
        review.put("claimReviewed", claim.statement());
        if (claim.verdictAt() != null) {
            review.put("datePublished", claim.verdictAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        claim.articles().stream().filter(l -> l.role() == LinkRole.FACT_CHECKED_IN).findFirst()
                .ifPresent(l -> review.put("url", l.url()));
        ObjectNode author = review.putObject("author");
        author.put("@type", "Organization");
        author.put("name", publisher.name());
        publisher.url().ifPresent(url -> author.put("url", url));

        ObjectNode item = review.putObject("itemReviewed");
        item.put("@type", "Claim");
        if (claim.claimant() != null) {
            ObjectNode claimant = item.putObject("author");
            claimant.put("@type", claim.claimantKind() == ClaimantKind.PERSON ? "Person" : "Organization");
            claimant.put("name", claim.claimant());
        }
        if (claim.claimDate() != null) {
            // schema.org wants one date: an interval's start
            item.put("datePublished", claim.claimDate().text().split("/")[0]);
        }
        List<ArticleSummary> appearances = claim.articles().stream().filter(l -> l.role() == LinkRole.APPEARS_IN)
                .map(l -> linked.get(l.articleId())).filter(java.util.Objects::nonNull).toList();
        if (!appearances.isEmpty()) {
            ArrayNode appearance = item.putArray("appearance");
            appearances.forEach(a -> appearance.add(creativeWork(a)));
            appearances.stream().filter(a -> a.publishedAt() != null)
                    .min(Comparator.comparing(ArticleSummary::publishedAt))
                    .ifPresent(first -> item.set("firstAppearance", creativeWork(first)));
        }

        ObjectNode rating = review.putObject("reviewRating");
        rating.put("@type", "Rating");
        rating.put("ratingValue", RATING.get(claim.status()));
        rating.put("bestRating", 5);
        rating.put("worstRating", 1);
        rating.put("alternateName", VERDICT_NAME.get(claim.status()));
        if (claim.explanation() != null) {
            rating.put("ratingExplanation", claim.explanation());
        }
        // the reviewed revision's leaf in the verifiable ledger, so that a reader can ask for its proof
        LedgerService.LeafRef leaf = ledger.latestLeaves("CLAIM", List.of(claim.id())).get(claim.id());
        if (leaf != null) {
            ObjectNode identifier = review.putObject("identifier");
            identifier.put("@type", "PropertyValue");
            identifier.put("propertyID", "claimLedgerLeafIndex");
            identifier.put("value", leaf.leafIndex());
            identifier.put("description", "Leaf of revision " + leaf.revision() + " of this claim in the ledger's Merkle tree");
            identifier.put("url", "/api/v1/ledger/proofs/inclusion?entityId=" + claim.id() + "&revision=" + leaf.revision());
        }
        return review;
    }

    private static ObjectNode creativeWork(ArticleSummary article) {
        ObjectNode work = JsonNodeFactory.instance.objectNode();
        work.put("@type", "CreativeWork");
        work.put("url", article.url());
        if (article.title() != null) {
            work.put("headline", article.title());
        }
        if (article.publishedAt() != null) {
            work.put("datePublished", article.publishedAt().toString());
        }
        return work;
    }
}
