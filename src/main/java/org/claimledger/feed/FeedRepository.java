package org.claimledger.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.claimledger.history.EntityType;
import org.claimledger.history.Ledger;

/** The feed's view of the ledger: its entries as events, read in short transactions of the ledger. */
@ApplicationScoped
class FeedRepository {

    private final Ledger ledger;

    FeedRepository(Ledger ledger) {
        this.ledger = ledger;
    }

    /** About {@code max} events after revision {@code after}, in ledger order, never part of a revision. */
    List<FeedEvent> after(long after, EntityType type, int max) {
        return ledger.after(after, type, max).stream().map(FeedEvents::of).toList();
    }

    /** The newest revision a reader may see now. */
    long head() {
        return ledger.head();
    }
}
