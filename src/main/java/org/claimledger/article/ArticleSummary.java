package org.claimledger.article;

import java.time.Instant;
import java.util.UUID;

/** What other features show of an article they refer to by id. */
public record ArticleSummary(UUID id, String url, String title, Instant publishedAt) {
}
