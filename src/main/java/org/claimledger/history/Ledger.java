package org.claimledger.history;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger read in order, for the readers that follow it (the live feed, webhooks). It uses the
 * history feed's query, so the never-skip rule holds: a revision is read only after every lower one
 * has committed. Each call is one short transaction; nothing holds a connection between calls.
 */
@ApplicationScoped
public class Ledger {

    private static final HistoryFilter ALL = new HistoryFilter(null, null, null, null);

    /** One history entry with its revision's metadata. */
    public record Entry(long revision, Instant at, String actor, String reason, String requestId,
            EntityType entityType, UUID entityId, ChangeType type, List<Change> changes) {
    }

    private final HistoryRepository history;

    Ledger(HistoryRepository history) {
        this.history = history;
    }

    /**
     * The entries after revision {@code after}, oldest first, about {@code max} of them but never
     * part of a revision: a reader that continues after the last one returned misses nothing.
     */
    @Transactional
    public List<Entry> after(long after, EntityType type, int max) {
        return after(after, type, max, history.fence()).entries();
    }

    /**
     * The entries after revision {@code after} and below {@code fence} (see {@link #fence()}), as
     * {@link #after(long, EntityType, int)} reads them; {@code complete} when they are every entry
     * below the fence, not a first batch of them.
     */
    public record Batch(List<Entry> entries, boolean complete) {
    }

    /** As {@link #after(long, EntityType, int)}, below a fence the caller read before. */
    @Transactional
    public Batch after(long after, EntityType type, int max, long fence) {
        int limit = max;
        while (true) {
            List<HistoryRepository.Row> rows = history.feed(type, ALL, true, limit, after, fence);
            if (rows.size() <= limit) {
                return new Batch(rows.stream().map(Ledger::entry).toList(), true);
            }
            long cut = rows.get(limit).rev();
            List<Entry> whole = new ArrayList<>();
            for (HistoryRepository.Row row : rows) {
                if (row.rev() == cut) {
                    break;
                }
                whole.add(entry(row));
            }
            if (!whole.isEmpty()) {
                return new Batch(whole, false);
            }
            limit *= 4; // one revision holds more entries than asked for: read all of it
        }
    }

    /**
     * The lowest revision number that may still commit: every number below it has ended (committed
     * or not) by the time this returns, revisions and anything else numbered from their sequence.
     */
    @Transactional
    public long fence() {
        return history.fence();
    }

    /** The newest revision a reader may see now; 0 when the ledger is empty. */
    @Transactional
    public long head() {
        List<HistoryRepository.Row> newest = history.feed(null, ALL, false, 1, null);
        return newest.isEmpty() ? 0 : newest.get(0).rev();
    }

    /** One entity's entry in one revision. */
    @Transactional
    public Optional<Entry> entry(long revision, EntityType type, UUID id) {
        return history.at(type, id, revision).map(Ledger::entry);
    }

    private static Entry entry(HistoryRepository.Row row) {
        JsonNode content = CanonicalJson.read(row.content());
        List<Change> changes = new ArrayList<>();
        for (JsonNode c : content.path("changes")) {
            changes.add(new Change(c.path("field").asText(), nullable(c.get("from")), nullable(c.get("to"))));
        }
        return new Entry(row.rev(), row.at(), row.actor(), row.reason(), row.requestId(), row.entityType(),
                row.entityId(), ChangeType.valueOf(content.path("type").asText()), changes);
    }

    private static JsonNode nullable(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
