package org.claimledger.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.claimledger.history.CanonicalJson;
import org.junit.jupiter.api.Test;

/** An article's snapshot, written from the entity, is byte for byte what serialising its response gave. */
@QuarkusTest
class ArticleSnapshotTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void shouldWriteTheSnapshotThatSerialisingTheResponseWrote() {
        Article full = new Article();
        full.id = UUID.randomUUID();
        full.url = "https://globalnews.ca/news/8143924/isis-k-kabul-airport-attack/";
        full.title = "Here's what we know about \"ISIS-K\" — 🦉";
        full.publisher = "Global News";
        full.authors = List.of("A. Writer", "B. Écrivain");
        full.publishedAt = Instant.parse("2021-08-26T18:30:00Z");
        full.language = "en";
        full.createdAt = Instant.parse("2026-11-28T22:15:00.123456Z");
        full.updatedAt = Instant.parse("2026-11-28T22:15:00.120Z");
        full.version = 4;
        Article bare = new Article();
        bare.id = UUID.randomUUID();
        bare.url = "https://example.org/a";
        bare.createdAt = Instant.parse("2026-11-28T22:15:00Z");
        bare.updatedAt = bare.createdAt;

        for (Article article : List.of(full, bare)) {
            assertThat(ArticleService.snapshot(article).toString())
                    .isEqualTo(CanonicalJson.write(CanonicalJson.of(mapper.copy().setSerializationInclusion(
                            com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS), ArticleResponse.of(article))));
        }
    }
}
