package org.claimledger.article;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of an article's PATCH as the contract describes it (JSON Merge Patch, RFC 7396): every
 * member optional, null clears an optional one. The service merges it into the article's
 * {@link ArticleRequest} and validates the result like a create.
 */
@Schema(name = "ArticlePatch", description = "Send only the members to change; null clears an optional member.")
record ArticlePatch(
        @Schema(maxLength = 2048, minLength = 1, examples = "https://globalnews.ca/news/8143924/isis-k-kabul-airport-attack/") String url,
        @Schema(maxLength = 1000, nullable = true) String title,
        @Schema(maxLength = 500, nullable = true, examples = "Global News") String publisher,
        @Schema(maxItems = 50, nullable = true, description = "Replaces the whole list.") List<@jakarta.validation.constraints.Size(max = 300) String> authors,
        @Schema(nullable = true, examples = "2021-08-26T18:30:00Z") Instant publishedAt,
        @Schema(maxLength = 35, nullable = true, examples = "en") String language) {
}
