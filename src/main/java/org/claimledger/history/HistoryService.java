package org.claimledger.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.claimledger.common.error.NotFound;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.paging.Cursor;
import org.claimledger.common.paging.Page;
import org.claimledger.common.time.Ids;
import org.claimledger.ledger.Leaf;
import org.claimledger.ledger.Merkle;

/**
 * The history of claims and articles, the one record of every change. Writers call {@link #record}
 * inside the transaction of their change, with who, why and which request ({@link ChangeContext})
 * and the entity's new state ({@link Snapshot}); the first call of a transaction writes its
 * revision, and every call adds the entity's field-level changes and whole state, chained by
 * SHA-256 to the entity's previous entry.
 */
@ApplicationScoped
public class HistoryService {

    static final ProblemType REVISION_NOT_FOUND = ProblemType.of("revision-not-found", "No such revision", 404);
    /** The key of the current transaction's revision among the transaction's resources. */
    private static final Object REVISION = Revision.class;

    private final HistoryRepository history;
    private final TransactionSynchronizationRegistry transaction;
    private final Map<EntityType, Map<String, SnapshotShape.KeyedList>> shapes = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Map<String, String>> defaults = new EnumMap<>(EntityType.class);

    HistoryService(HistoryRepository history, TransactionSynchronizationRegistry transaction,
            Instance<SnapshotShape> shapes) {
        this.history = history;
        this.transaction = transaction;
        shapes.forEach(shape -> this.shapes.put(shape.entityType(), Map.copyOf(shape.keyedLists())));
        shapes.forEach(shape -> this.defaults.put(shape.entityType(), Map.copyOf(shape.defaults())));
    }

    /**
     * Records the entity's new state, written from the entity after its change was flushed. The
     * caller holds the entity's row lock, so the chain of one entity grows one entry at a time while
     * other entities' chains grow in parallel. The transaction's revision is stamped with the
     * context of its first entry.
     */
    @Transactional(TxType.MANDATORY)
    public void record(ChangeContext context, EntityType type, UUID id, ChangeType change, Snapshot state,
            boolean deleted) {
        // a new entity has no history yet: one query fewer on every create; the first entry of a transaction
        // writes its revision and reads the entity's latest entry in one statement
        Revision revision = (Revision) transaction.getResource(REVISION);
        Optional<HistoryRepository.Link> previous;
        if (change == ChangeType.CREATED) {
            revision = revision == null ? begin(context, null, null).revision() : revision;
            previous = Optional.empty();
        } else if (revision == null) {
            Begun begun = begin(context, type, id);
            revision = begun.revision();
            previous = begun.previous();
        } else {
            previous = history.latest(type, id);
        }
        ObjectNode whole = state.node;
        whole.put("deleted", deleted);
        // the snapshot's canonical text, read back so that it compares with the previous entry's stored
        // snapshot exactly as two stored snapshots compare (70 is an integer in both, 70.50 a decimal)
        String snapshotText = CanonicalJson.write(whole);
        JsonNode snapshot = CanonicalJson.read(snapshotText);
        if (previous.isPresent() && previous.get().rev() == revision.id) {
            throw new IllegalStateException(type + " " + id + " recorded twice in revision " + revision.id);
        }
        JsonNode before = previous.map(p -> CanonicalJson.read(p.content()).get("snapshot")).orElse(null);
        List<Change> changes = Snapshots.diff(before, snapshot, keyedLists(type));
        ArrayNode changed = JsonNodeFactory.instance.arrayNode();
        for (Change c : changes) {
            ObjectNode item = changed.addObject();
            item.put("field", c.field());
            item.set("from", c.from() == null ? NullNode.instance : c.from());
            item.set("to", c.to() == null ? NullNode.instance : c.to());
        }
        HistoryEntry entry = new HistoryEntry();
        entry.entityType = type;
        entry.entityId = id;
        entry.rev = revision.id;
        entry.type = change;
        entry.fields = changes.stream().map(Change::field).toList();
        entry.content = CanonicalJson.content(change.name(), changed, snapshotText);
        entry.prevHash = previous.map(HistoryRepository.Link::hash).orElse("");
        entry.hash = HashChain.link(entry.prevHash, type, id, revision.id, revision.at, revision.actor,
                revision.reason, revision.requestId, entry.content);
        // the entry's leaf in the verifiable ledger, written with it; ledger/ places it in the tree moments
        // after the commit, in ledger order (V18)
        entry.leafHash = Merkle.leafHash(Leaf.bytes(type.name(), id.toString(), revision.id, Leaf.timestamp(revision.at),
                revision.actor, revision.reason, revision.requestId, entry.prevHash, entry.hash, entry.content));
        history.insert(entry);
    }

    private record Begun(Revision revision, Optional<HistoryRepository.Link> previous) {
    }

    /**
     * Writes the transaction's revision, with its first entry, and reads the latest entry of that
     * entry's entity when {@code type} is given.
     */
    private Begun begin(ChangeContext context, EntityType type, UUID id) {
        Revision revision = new Revision();
        revision.at = Ids.now();
        revision.actor = context.actor();
        revision.reason = context.reason();
        revision.requestId = context.requestId();
        HistoryRepository.Started started = history.insertRevision(revision.at, revision.actor, revision.reason,
                revision.requestId, type, id);
        revision.id = started.revision();
        transaction.putResource(REVISION, revision);
        return new Begun(revision, started.latest());
    }

    private Map<String, SnapshotShape.KeyedList> keyedLists(EntityType type) {
        return shapes.getOrDefault(type, Map.of());
    }

    public Page<RevisionResponse> page(EntityType type, UUID id, String actor, String field, Instant since,
            Instant until, int limit, String cursorText) {
        var filter = new HistoryFilter(actor, field, since, until);
        String fingerprint = Cursor.fingerprint("history", type, id, filter);
        Cursor after = Cursor.decode(cursorText, fingerprint);
        Long before = after == null ? null : revisionOf(after);
        var found = history.page(type, id, filter, limit, before);
        if (found.isEmpty()) {
            requireHistory(type, id); // one more query only to tell "no such entity" from "nothing matches"
        }
        return Page.slice(found, limit,
                row -> new Cursor(Long.toString(row.rev()), id, fingerprint), rows -> rows.stream().map(this::view).toList());
    }

    /** The ledger's revisions: oldest first from {@code since}, else newest first. */
    public Page<RevisionResponse> feed(EntityType type, String actor, Instant since, Instant until, int limit,
            String cursorText) {
        var filter = new HistoryFilter(actor, null, since, until);
        boolean ascending = since != null;
        String fingerprint = Cursor.fingerprint("feed", type, filter);
        Cursor after = Cursor.decode(cursorText, fingerprint);
        Long afterRev = after == null ? null : revisionOf(after);
        return Page.slice(history.feed(type, filter, ascending, limit, afterRev), limit,
                row -> new Cursor(Long.toString(row.rev()), row.entityId(), fingerprint),
                rows -> rows.stream().map(this::view).toList());
    }

    /** The entity's whole state as it stood at a revision (which must be one of its own). */
    public JsonNode snapshot(EntityType type, UUID id, long rev) {
        return withDefaults(type, stateOf(recorded(type, id, rev)));
    }

    /** The entity's whole state at an instant, or 404 when it did not exist yet. */
    public JsonNode snapshotAt(EntityType type, UUID id, Instant instant) {
        var row = history.asOf(type, id, instant).orElseThrow(() -> {
            requireHistory(type, id);
            return new ProblemException(REVISION_NOT_FOUND,
                    type.name().toLowerCase() + " " + id + " did not exist yet at " + instant);
        });
        return withDefaults(type, stateOf(row));
    }

    private JsonNode withDefaults(EntityType type, JsonNode state) {
        defaults.getOrDefault(type, Map.of()).forEach((member, value) -> {
            if (!state.has(member)) {
                ((ObjectNode) state).put(member, value);
            }
        });
        return state;
    }

    /** How many of an entity's revisions a 404 for a revision that did not change it lists. */
    static final int CHANGED_REVISIONS_LISTED = 100;

    public DiffResponse diff(EntityType type, UUID id, long from, long to) {
        JsonNode before = CanonicalJson.read(recorded(type, id, from).content()).get("snapshot");
        JsonNode after = CanonicalJson.read(recorded(type, id, to).content()).get("snapshot");
        return new DiffResponse(from, to, Snapshots.diff(before, after, keyedLists(type)));
    }

    private HistoryRepository.Row recorded(EntityType type, UUID id, long rev) {
        return history.at(type, id, rev).orElseThrow(() -> {
            requireHistory(type, id);
            List<Long> changed = history.revisions(type, id, CHANGED_REVISIONS_LISTED);
            String historyPath = "/api/v1/" + (type == EntityType.CLAIM ? "claims/" : "articles/") + id + "/history";
            return new ProblemException(REVISION_NOT_FOUND,
                    "revision " + rev + " did not change " + type.name().toLowerCase() + " " + id
                            + " (revision numbers count every change in the ledger); the revisions that did: "
                            + changed + (changed.size() == CHANGED_REVISIONS_LISTED ? ", the latest " + changed.size()
                                    + "; all of them at " + historyPath : ""))
                    .with("revisions", changed).with("history", historyPath)
                    .header("Link", "<" + historyPath + ">; rel=\"history\"");
        });
    }

    @Transactional
    public VerifyResponse verify(EntityType type, UUID id) {
        requireHistory(type, id);
        try (Stream<HistoryRepository.Row> chain = history.chain(type, id)) {
            HashChain.Check check = new HashChain.Check();
            chain.forEach(check::accept);
            return new VerifyResponse(check.broken == null, check.revisions, check.broken);
        }
    }

    /** Checks every chain, streaming rows so that memory stays bounded whatever the ledger's size. */
    @Transactional
    public LedgerVerifyResponse verifyAll() {
        long entities = 0;
        long revisions = 0;
        long brokenChains = 0;
        List<LedgerVerifyResponse.Broken> broken = new ArrayList<>();
        try (Stream<HistoryRepository.Row> rows = history.allChains()) {
            Iterator<HistoryRepository.Row> it = rows.iterator();
            HashChain.Check check = null;
            HistoryRepository.Row first = null;
            while (it.hasNext()) {
                HistoryRepository.Row row = it.next();
                if (first == null || row.entityType() != first.entityType() || !row.entityId().equals(first.entityId())) {
                    if (check != null && check.broken != null) {
                        brokenChains++;
                        if (broken.size() < 100) {
                            broken.add(new LedgerVerifyResponse.Broken(first.entityType(), first.entityId(), check.broken));
                        }
                    }
                    check = new HashChain.Check();
                    first = row;
                    entities++;
                }
                check.accept(row);
                revisions++;
            }
            if (check != null && check.broken != null) {
                brokenChains++;
                if (broken.size() < 100) {
                    broken.add(new LedgerVerifyResponse.Broken(first.entityType(), first.entityId(), check.broken));
                }
            }
        }
        return new LedgerVerifyResponse(brokenChains == 0, entities, revisions, brokenChains, broken);
    }

    /** Whether any history exists for the entity: 404 otherwise. */
    public void requireHistory(EntityType type, UUID id) {
        if (!history.exists(type, id)) {
            throw new NotFound(type.name().toLowerCase(), id);
        }
    }

    private RevisionResponse view(HistoryRepository.Row row) {
        JsonNode content = CanonicalJson.read(row.content());
        List<Change> changes = new ArrayList<>();
        for (JsonNode c : content.path("changes")) {
            changes.add(new Change(c.path("field").asText(), nullable(c.get("from")), nullable(c.get("to"))));
        }
        return new RevisionResponse(row.rev(), row.at(), row.actor(), row.reason(), row.requestId(), row.entityType(),
                row.entityId(), ChangeType.valueOf(content.path("type").asText()), changes, row.leafIndex());
    }

    private static JsonNode nullable(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /**
     * The entity as it stood, shown like the API shows it now: the ledger keeps null members (its
     * text is hashed as written), the answer leaves unset members out.
     */
    private static JsonNode stateOf(HistoryRepository.Row row) {
        ObjectNode snapshot = (ObjectNode) CanonicalJson.read(row.content()).get("snapshot").deepCopy();
        snapshot.remove("deleted");
        withoutNulls(snapshot);
        return snapshot;
    }

    private static void withoutNulls(JsonNode node) {
        if (node.isObject()) {
            List<String> unset = new ArrayList<>();
            node.fields().forEachRemaining(member -> {
                if (member.getValue().isNull()) {
                    unset.add(member.getKey());
                } else {
                    withoutNulls(member.getValue());
                }
            });
            ((ObjectNode) node).remove(unset);
        } else if (node.isArray()) {
            node.forEach(HistoryService::withoutNulls);
        }
    }

    private static long revisionOf(Cursor cursor) {
        try {
            return Long.parseLong(cursor.key());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter("cursor", "cursor is not valid; use the nextCursor of a previous page");
        }
    }
}
