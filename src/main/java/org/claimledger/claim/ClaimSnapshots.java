package org.claimledger.claim;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimledger.history.EntityType;
import org.claimledger.history.Snapshot;
import org.claimledger.history.SnapshotShape;

/**
 * A claim as the ledger records it: the claim with its live sources and article links, member for
 * member what {@link ClaimResponse} serves, written from the state the writing transaction holds.
 * ClaimSnapshotTest keeps the two equal.
 */
@ApplicationScoped
class ClaimSnapshots implements SnapshotShape {

    static final String SOURCES = "sources";
    static final String ARTICLES = "articles";

    @Override
    public EntityType entityType() {
        return EntityType.CLAIM;
    }

    /** A source is addressed by its id, a link by its article; the article's url and title are not the link's own. */
    @Override
    public Map<String, KeyedList> keyedLists() {
        return Map.of(
                SOURCES, new KeyedList("id", Set.of("claimId")),
                ARTICLES, new KeyedList("articleId", Set.of("claimId", "articleId", "url", "title")));
    }

    /** A claim without claimantKind reads ORGANIZATION, in its snapshots as in the API. */
    @Override
    public Map<String, String> defaults() {
        return Map.of("claimantKind", ClaimantKind.ORGANIZATION.name());
    }

    /** The claim, just flushed, with the sources and links its view read. */
    static Snapshot of(Claim claim, ClaimResponse view) {
        return of(claim, view.sources(), view.articles());
    }

    static Snapshot of(Claim c, List<SourceResponse> sources, List<ArticleLinkResponse> articles) {
        Snapshot snapshot = members(c, sources, articles);
        // only a confirmed duplicate names its claim: every other claim's snapshot stays as it was before V13
        return c.duplicateOf == null ? snapshot : snapshot.put("duplicateOf", c.duplicateOf);
    }

    private static Snapshot members(Claim c, List<SourceResponse> sources, List<ArticleLinkResponse> articles) {
        Quantity q = c.quantity;
        Attribution a = c.attribution;
        return new Snapshot()
                .put("id", c.id)
                .put("statement", c.statement)
                .put("type", c.type)
                .put("claimant", c.claimant)
                .put("claimantKind", c.claimantKind)
                .put("claimDate", c.claimDate)
                .put("language", c.language)
                .put("location", c.location)
                .put("eventDate", c.eventDate)
                .putStrings("tags", c.tags)
                .put("status", c.status)
                .put("explanation", c.explanation)
                .put("verdictAt", c.verdictAt)
                .put("supersededBy", c.supersededBy)
                .put("supersededAt", c.supersededAt)
                .put("quantity", q == null ? null : new Snapshot()
                        .put("measure", q.measure())
                        .put("subject", q.subject())
                        .put("qualifier", q.qualifier())
                        .put("value", q.value())
                        .put("upperValue", q.upperValue())
                        .put("unit", q.unit()))
                .put("attribution", a == null ? null : new Snapshot()
                        .put("actor", a.actor())
                        .put("role", a.role())
                        .put("attributedBy", a.attributedBy()))
                .putList(SOURCES, sources.stream().map(ClaimSnapshots::source).toList())
                .putList(ARTICLES, articles.stream().map(ClaimSnapshots::link).toList())
                .put("createdAt", c.createdAt)
                .put("updatedAt", c.updatedAt)
                .put("version", c.version);
    }

    private static Snapshot source(SourceResponse s) {
        return new Snapshot()
                .put("id", s.id())
                .put("claimId", s.claimId())
                .put("url", s.url())
                .put("title", s.title())
                .put("publisher", s.publisher())
                .put("kind", s.kind())
                .put("stance", s.stance())
                .put("accessedAt", s.accessedAt())
                .put("archivedUrl", s.archivedUrl())
                .put("note", s.note())
                .put("createdAt", s.createdAt())
                .put("updatedAt", s.updatedAt())
                .put("version", s.version());
    }

    private static Snapshot link(ArticleLinkResponse l) {
        return new Snapshot()
                .put("claimId", l.claimId())
                .put("articleId", l.articleId())
                .put("url", l.url())
                .put("title", l.title())
                .put("role", l.role())
                .put("excerpt", l.excerpt())
                .put("createdAt", l.createdAt())
                .put("updatedAt", l.updatedAt())
                .put("version", l.version());
    }
}
