package org.claimledger.ledger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.claimledger.common.db.Columns;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;
import org.claimledger.common.paging.Page;
import org.jboss.logging.Logger;

/**
 * The verifiable ledger: signed checkpoints of the Merkle tree over every history entry, and the
 * proofs that tie entries and earlier checkpoints to them. Each writing transaction stores its
 * entries' leaf hashes; {@link #seal()} places them in the tree once no lower revision can still
 * commit (V16__ledger_leaves_sealed_below_the_fence.sql): moments after each commit
 * ({@link LedgerSealer}), and before anything here reads the tree, so an answer covers every entry
 * committed before it was asked for.
 */
@ApplicationScoped
public class LedgerService {

    static final ProblemType NOT_IN_LEDGER = ProblemType.of("not-in-ledger", "No such ledger entry", 404);
    private static final Logger LOG = Logger.getLogger(LedgerService.class);
    /** Leaves placed per step: a backlog is sealed in steps of this many. */
    static final int SEAL_BATCH = 10_000;

    private final LedgerRepository ledger;
    private final LedgerKey key;

    LedgerService(LedgerRepository ledger, LedgerKey key) {
        this.ledger = ledger;
        this.key = key;
    }

    /** A checkpoint, signed: body and note. */
    record Signed(Checkpoint checkpoint, String note) {
    }

    /** Where a revision of a claim or article sits in the tree. */
    public record LeafRef(long revision, long leafIndex) {
    }

    /**
     * A stored checkpoint as the change feed announces it: its number in the revisions' sequence
     * (its place among the ledger's revisions), the tree it signs, and the signed note itself.
     */
    public record Published(long revision, long treeSize, String rootHash, Instant at, String note) {
    }

    /**
     * The stored checkpoints numbered after {@code after} and below {@code below} (a fence read
     * before, see {@code history.Ledger#fence}), oldest first, at most {@code limit}.
     */
    @Transactional
    public List<Published> publishedAfter(long after, long below, int limit) {
        return ledger.published(after, below, limit).stream()
                .map(row -> new Published(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        base64((byte[]) row[2]), Columns.instant(row[3]), (String) row[4]))
                .toList();
    }

    /** The newest number of a stored checkpoint below {@code below}; 0 when there is none. */
    @Transactional
    public long newestPublished(long below) {
        return ledger.newestPublished(below);
    }

    /**
     * The latest revision in the tree of each of these claims (or articles), for exports that name it;
     * written leaves are placed first, so a revision committed before the call is named.
     */
    @Transactional
    public java.util.Map<UUID, LeafRef> latestLeaves(String entityType, java.util.Collection<UUID> ids) {
        seal();
        java.util.Map<UUID, LeafRef> found = new java.util.HashMap<>();
        for (Object[] row : ledger.latestLeaves(entityType, ids)) {
            found.put((UUID) row[0], new LeafRef(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return found;
    }

    /**
     * Places every written leaf of the revisions that have ended in the tree, in ledger order;
     * answers the tree size. Sealers wait for each other, never for a writer.
     */
    @Transactional
    long seal() {
        return ledger.seal(SEAL_BATCH);
    }

    /** The current tree head, signed now. */
    @Transactional
    Signed checkpoint() {
        long size = seal();
        Checkpoint checkpoint = new Checkpoint(key.name(), size, root(size), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return new Signed(checkpoint, key.sign(checkpoint.text()));
    }

    String verifierKey() {
        return key.verifierKey();
    }

    @Transactional
    InclusionProof inclusion(UUID entityId, long revision, Long treeSize) {
        long size = seal();
        Object[] leaf = ledger.leafOf(entityId, revision).orElseThrow(() -> new ProblemException(NOT_IN_LEDGER,
                ledger.pending(entityId, revision)
                        ? "revision " + revision + " of " + entityId + " is written but not in the tree yet: a lower"
                                + " revision is still being written; ask again in a moment"
                        : "revision " + revision + " of " + entityId + " is not in the ledger"));
        long n = treeSize == null ? size : treeSize;
        requireSize("treeSize", n, 1, size);
        long index = ((Number) leaf[0]).longValue();
        if (index >= n) {
            throw ProblemException.invalidParameter("treeSize", "revision " + revision + " of " + entityId
                    + " is leaf " + index + ", which a tree of size " + n + " does not hold yet").with("leafIndex", index);
        }
        var nodes = fetch(Merkle.nodesRead(placeholder -> Merkle.inclusionPath(index, n, placeholder)));
        return new InclusionProof(index, base64((byte[]) leaf[1]), n, base64(Merkle.inclusionPath(index, n, nodes)));
    }

    @Transactional
    ConsistencyProof consistency(long from, long to) {
        long size = seal();
        requireSize("to", to, 1, size);
        requireSize("from", from, 1, to);
        var nodes = fetch(Merkle.nodesRead(placeholder -> Merkle.consistencyPath(from, to, placeholder)));
        return new ConsistencyProof(from, to, base64(Merkle.consistencyPath(from, to, nodes)));
    }

    /** The leaves from index from, with their entries; the next page starts where this one ends. */
    @Transactional
    Page<LedgerEntry> entries(long from, int limit) {
        long size = seal();
        List<LedgerEntry> rows = ledger.entries(from, size, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(rows.subList(0, limit), Long.toString(rows.get(limit).leafIndex()));
    }

    /** Stores a checkpoint of the current tree at the configured interval, when the tree has grown. */
    @Scheduled(every = "{claims.ledger.checkpoint-interval:60s}", delayed = "{claims.ledger.checkpoint-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void publish() {
        Signed signed = checkpoint();
        long size = signed.checkpoint().size();
        if (size > 0 && size > ledger.latestCheckpointSize()
                && ledger.store(size, signed.checkpoint().root(), signed.checkpoint().time(), signed.note())) {
            // numbered from the revisions' sequence by its trigger (V14), so the feed announces it in order
            LOG.debugf("Stored ledger checkpoint %d", size);
        }
    }

    private byte[] root(long size) {
        if (size == 0) {
            return Merkle.emptyRoot();
        }
        return Merkle.root(size, fetch(Merkle.nodesRead(placeholder -> Merkle.root(size, placeholder))));
    }

    private Merkle.Nodes fetch(java.util.Set<Long> keys) {
        return Merkle.fromMap(ledger.nodes(keys));
    }

    private static void requireSize(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw ProblemException.invalidParameter(name, max < min
                    ? "the ledger is empty" : name + " must be between " + min + " and " + max + " (the current tree size)");
        }
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(LedgerService::base64).toList();
    }
}
