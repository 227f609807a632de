package org.claimledger.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.claimledger.history.Change;
import org.claimledger.history.EntityType;
import org.claimledger.history.Ledger;
import org.claimledger.ledger.LedgerService;

/** Names a ledger entry's change ({@code claim.status_changed}, {@code claim.source_added}, ...). */
public final class FeedEvents {

    /** Every event name a subscriber may ask for, including the ones later work will add. */
    public static final Set<String> NAMES = Set.of("claim.created", "claim.updated", "claim.status_changed",
            "claim.deleted", "claim.source_added", "claim.source_updated", "claim.source_removed",
            "claim.article_linked", "claim.article_link_updated", "claim.article_unlinked", "article.created",
            "article.updated", "article.deleted", "claim.duplicate_marked", "claim.duplicate_unmarked",
            "ledger.checkpoint");

    static final String CHECKPOINT = "ledger.checkpoint";

    private FeedEvents() {
    }

    public static FeedEvent of(Ledger.Entry entry) {
        String event = name(entry);
        List<String> fields = entry.changes().stream().map(Change::field).toList();
        FeedEvent.FeedStatusChange status = entry.changes().stream().filter(c -> c.field().equals("status"))
                .findFirst().map(c -> new FeedEvent.FeedStatusChange(text(c.from()), text(c.to()))).orElse(null);
        String href = (entry.entityType() == EntityType.CLAIM ? "/api/v1/claims/" : "/api/v1/articles/")
                + entry.entityId();
        return new FeedEvent(entry.revision(), entry.at(), event, entry.entityType(), entry.entityId(), entry.actor(),
                entry.reason(), entry.requestId(), fields, status, href);
    }

    /** A stored checkpoint's event: the tree it signs and the signed note. */
    static FeedEvent of(LedgerService.Published checkpoint) {
        return new FeedEvent(checkpoint.revision(), checkpoint.at(), CHECKPOINT, null, null, null, null, null, null,
                null, "/api/v1/ledger/checkpoint", checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.note());
    }

    static String name(Ledger.Entry entry) {
        String prefix = entry.entityType() == EntityType.CLAIM ? "claim." : "article.";
        switch (entry.type()) {
            case CREATED:
                return prefix + "created";
            case DELETED:
                return prefix + "deleted";
            default:
                break;
        }
        if (entry.entityType() == EntityType.ARTICLE) {
            return "article.updated";
        }
        List<Change> changes = entry.changes();
        if (changes.stream().anyMatch(c -> c.field().equals("status"))) {
            return "claim.status_changed";
        }
        if (!changes.isEmpty() && changes.stream().allMatch(c -> c.field().startsWith("sources["))) {
            return "claim.source_" + memberChange(changes, "added", "updated", "removed");
        }
        if (!changes.isEmpty() && changes.stream().allMatch(c -> c.field().startsWith("articles["))) {
            return "claim." + memberChange(changes, "article_linked", "article_link_updated", "article_unlinked");
        }
        return "claim.updated";
    }

    /** A source or link appears (every value new), disappears (every value gone, or deleted) or changes. */
    private static String memberChange(List<Change> changes, String added, String updated, String removed) {
        if (changes.stream().allMatch(c -> c.from() == null)) {
            return added;
        }
        if (changes.stream().allMatch(c -> c.to() == null)
                || changes.stream().anyMatch(c -> c.field().endsWith(".deletedAt") && c.from() == null)) {
            return removed;
        }
        return updated;
    }

    /** The article ids whose links with a claim this entry changed. */
    static Set<String> linkedArticles(FeedEvent event) {
        Set<String> ids = new LinkedHashSet<>();
        for (String field : event.changedFields()) {
            if (field.startsWith("articles[")) {
                int end = field.indexOf(']');
                if (end > 0) {
                    ids.add(field.substring("articles[".length(), end));
                }
            }
        }
        return ids;
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.asText();
    }
}
