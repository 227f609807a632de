package org.claimledger.feed;

import java.util.Set;
import java.util.UUID;
import org.claimledger.history.EntityType;

/** What a subscriber follows; null or empty means no filter; all combine with AND. */
record FeedFilter(EntityType entityType, UUID claimId, UUID articleId, Set<String> events) {

    static final FeedFilter ALL = new FeedFilter(null, null, null, Set.of());

    /** The one entity type worth reading from the ledger, or null for both. */
    EntityType ledgerType() {
        if (entityType != null) {
            return entityType;
        }
        return claimId != null ? EntityType.CLAIM : null;
    }

    /** Whether stored checkpoints are worth reading: they concern no entity, so any entity filter leaves them out. */
    boolean wantsCheckpoints() {
        return entityType == null && claimId == null && articleId == null
                && (events.isEmpty() || events.contains(FeedEvents.CHECKPOINT));
    }

    boolean matches(FeedEvent event) {
        if (entityType != null && event.entityType() != entityType) {
            return false;
        }
        if (claimId != null && !(event.entityType() == EntityType.CLAIM && event.entityId().equals(claimId))) {
            return false;
        }
        if (articleId != null && !(event.entityType() == EntityType.ARTICLE && event.entityId().equals(articleId))
                && !(event.entityType() == EntityType.CLAIM
                        && FeedEvents.linkedArticles(event).contains(articleId.toString()))) {
            return false;
        }
        return events.isEmpty() || events.contains(event.event());
    }
}
