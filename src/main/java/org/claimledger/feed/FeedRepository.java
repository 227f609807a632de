package org.claimledger.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.claimledger.history.EntityType;
import org.claimledger.history.Ledger;
import org.claimledger.ledger.LedgerService;

/**
 * The feed's view of the ledger: its entries and its stored checkpoints as events, in the order of
 * their numbers, read in short transactions below one fence, so that nothing numbered lower can
 * still appear after a reader has passed it.
 */
@ApplicationScoped
public class FeedRepository {

    private final Ledger ledger;
    private final LedgerService checkpoints;

    FeedRepository(Ledger ledger, LedgerService checkpoints) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
    }

    /** Every event after revision {@code after}, as {@link #after(long, FeedFilter, int)} reads them. */
    public List<FeedEvent> after(long after, int max) {
        return after(after, FeedFilter.ALL, max);
    }

    /**
     * One event again: an entity's entry in a revision, or the checkpoint with that number when
     * {@code type} is null; empty when there is no such event.
     */
    public Optional<FeedEvent> event(long revision, EntityType type, UUID id) {
        if (type == null) {
            return checkpoints.publishedAfter(revision - 1, revision + 1, 1).stream().findFirst().map(FeedEvents::of);
        }
        return ledger.entry(revision, type, id).map(FeedEvents::of);
    }

    /** About {@code max} events after revision {@code after}, in ledger order, never part of a revision. */
    List<FeedEvent> after(long after, FeedFilter filter, int max) {
        long fence = ledger.fence();
        Ledger.Batch batch = ledger.after(after, filter.ledgerType(), max, fence);
        List<FeedEvent> events = batch.entries().stream().map(FeedEvents::of).toList();
        if (!filter.wantsCheckpoints()) {
            return events;
        }
        // a batch cut short stops at its last revision: later checkpoints come with the next batch
        long below = batch.complete() ? fence : events.get(events.size() - 1).revision();
        List<LedgerService.Published> published = checkpoints.publishedAfter(after, below, max);
        if (published.isEmpty()) {
            return events;
        }
        long last = published.size() == max ? published.get(max - 1).revision() : Long.MAX_VALUE;
        List<FeedEvent> merged = new ArrayList<>(events.size() + published.size());
        for (FeedEvent event : events) {
            if (event.revision() < last) {
                merged.add(event);
            }
        }
        published.forEach(checkpoint -> merged.add(FeedEvents.of(checkpoint)));
        merged.sort(Comparator.comparingLong(FeedEvent::revision)); // stable: a revision's entries keep their order
        return merged;
    }

    /** The newest revision or checkpoint number a reader may see now. */
    long head() {
        return Math.max(ledger.head(), checkpoints.newestPublished(ledger.fence()));
    }
}
