package org.claimledger.claim;

import java.time.Instant;
import java.util.UUID;
import org.claimledger.article.ArticleSummary;
import org.claimledger.common.http.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArticleLink", description = "A claim's link to an article, with the article's url and title.")
public record ArticleLinkResponse(
        UUID claimId,
        UUID articleId,
        @Schema(examples = "https://globalnews.ca/news/8143924/isis-k-kabul-airport-attack/") String url,
        @Schema(examples = "Here's what we know about ISIS-K, the group behind the deadly Kabul bombings") String title,
        @Schema(examples = "APPEARS_IN") LinkRole role,
        String excerpt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Row version; the ETag is this number in quotes.", examples = "1") long version)
        implements Versioned {

    static ArticleLinkResponse of(ArticleLink link, ArticleSummary article) {
        return new ArticleLinkResponse(link.claimId, link.articleId, article.url(), article.title(), link.role,
                link.excerpt, link.createdAt, link.updatedAt, link.version);
    }
}
