package org.claimledger.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.claimledger.common.http.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Article")
public record ArticleResponse(
        @Schema(examples = "0190f1c2-8a4e-7b3c-9d2e-1f0a2b3c4d5e") UUID id,
        @Schema(examples = "https://globalnews.ca/news/8143924/isis-k-kabul-airport-attack/") String url,
        @Schema(examples = "Here's what we know about ISIS-K, the group behind the deadly Kabul bombings") String title,
        @Schema(examples = "Global News") String publisher,
        @Schema(maxItems = 50) List<String> authors,
        @Schema(examples = "2021-08-26T18:30:00Z") Instant publishedAt,
        @Schema(examples = "en") String language,
        @Schema(examples = "2026-11-28T22:15:00.123456Z") Instant createdAt,
        @Schema(examples = "2026-11-28T22:15:00.123456Z") Instant updatedAt,
        @Schema(description = "Row version; the ETag is this number in quotes.", examples = "1") long version)
        implements Versioned {

    static ArticleResponse of(Article a) {
        return new ArticleResponse(a.id, a.url, a.title, a.publisher, List.copyOf(a.authors), a.publishedAt,
                a.language, a.createdAt, a.updatedAt, a.version);
    }

    ArticleRequest toRequest() {
        return new ArticleRequest(url, title, publisher, authors, publishedAt, language);
    }
}
