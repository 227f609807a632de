package org.claimledger.history;

import java.util.Map;
import java.util.Set;

/**
 * How the ledger compares two snapshots of one kind of entity: which of its members are embedded
 * lists whose items are addressed by a key ({@code sources[<id>].stance}), so that a change to one
 * item reads as that, not as a reshuffled list. The feature that writes the snapshots declares it
 * as a bean; a type without one has no keyed lists.
 */
public interface SnapshotShape {

    EntityType entityType();

    /** The embedded lists by member name. */
    Map<String, KeyedList> keyedLists();

    /**
     * Members the API shows with a default when they are unset (a claim's claimantKind reads
     * ORGANIZATION): a snapshot answered by the API shows them the same way, while the ledger keeps
     * the state as it was written.
     */
    default Map<String, String> defaults() {
        return Map.of();
    }

    /** The member that identifies an item, and members shown in an item that are not the item's own. */
    record KeyedList(String key, Set<String> notOwn) {
    }
}
