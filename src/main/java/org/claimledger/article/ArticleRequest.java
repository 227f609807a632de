package org.claimledger.article;

import org.claimledger.common.validation.NoBidiControls;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.claimledger.common.validation.HttpUrl;
import org.claimledger.common.validation.LanguageTag;
import org.claimledger.common.validation.StorableTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable properties of an article, as created by POST and merged by PATCH. */
@Schema(name = "ArticleRequest")
public record ArticleRequest(
        @Schema(required = true, maxLength = 2048, description = "Absolute http(s) URL; unique after normalising scheme/host case and a trailing slash.",
                examples = "https://globalnews.ca/news/8143924/isis-k-kabul-airport-attack/")
        @NotBlank @Size(max = 2048) @HttpUrl String url,
        @Schema(maxLength = 1000, examples = "Here's what we know about ISIS-K, the group behind the deadly Kabul bombings")
        @Size(max = 1000) String title,
        @Schema(maxLength = 500, examples = "Global News")
        @Size(max = 500) @NoBidiControls String publisher,
        @Schema(maxItems = 50, description = "Author names, each at most 300 characters.", examples = "[\"Global News staff\"]")
        @Size(max = 50) List<@NotBlank @Size(max = 300) @NoBidiControls String> authors,
        @Schema(examples = "2021-08-26T18:30:00Z")
        @StorableTime Instant publishedAt,
        @Schema(maxLength = 35, description = "BCP 47 language tag.", examples = "en")
        @Size(max = 35) @LanguageTag String language) {
}
