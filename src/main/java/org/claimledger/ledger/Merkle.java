package org.claimledger.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9162 Merkle tree hashing, audit paths and consistency proofs (section 2.1), over a tree whose
 * complete subtrees are stored: {@link Nodes#node(int, long)} answers the root of leaves
 * [index * 2^level, (index + 1) * 2^level), level 0 being the leaf hashes. Plain Java, so that the
 * service and the verify-ledger command use the same code.
 */
public final class Merkle {

    public static final int HASH_BYTES = 32;

    /** The stored complete subtrees of a tree. */
    public interface Nodes {
        byte[] node(int level, long index);
    }

    private Merkle() {
    }

    /** SHA-256(0x00 || leaf). */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(leaf);
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[0:size]). */
    public static byte[] root(long size, Nodes nodes) {
        return size == 0 ? emptyRoot() : subtree(0, size, nodes);
    }

    /** MTH(D[start:end]) for the ranges RFC 9162's recursion visits (start aligned to the largest power of two below the size). */
    static byte[] subtree(long start, long end, Nodes nodes) {
        long size = end - start;
        if (Long.bitCount(size) == 1) {
            return nodes.node(Long.numberOfTrailingZeros(size), start / size);
        }
        long k = largestPowerOfTwoBelow(size);
        return nodeHash(subtree(start, start + k, nodes), subtree(start + k, end, nodes));
    }

    /** PATH(m, D[0:n]): the audit path of leaf m in the tree of size n (RFC 9162 2.1.3.1). */
    public static List<byte[]> inclusionPath(long m, long n, Nodes nodes) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of size " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(m, 0, n, nodes, path);
        return path;
    }

    private static void path(long m, long start, long end, Nodes nodes, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, nodes, out);
            out.add(subtree(start + k, end, nodes));
        } else {
            path(m - k, start + k, end, nodes, out);
            out.add(subtree(start, start + k, nodes));
        }
    }

    /** PROOF(m, D[0:n]): the consistency proof from size m to size n (RFC 9162 2.1.4.1). */
    public static List<byte[]> consistencyPath(long m, long n, Nodes nodes) {
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(m, 0, n, true, nodes, proof);
        return proof;
    }

    private static void subproof(long m, long start, long end, boolean whole, Nodes nodes, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(subtree(start, end, nodes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, nodes, out);
            out.add(subtree(start + k, end, nodes));
        } else {
            subproof(m - k, start + k, end, false, nodes, out);
            out.add(subtree(start, start + k, nodes));
        }
    }

    /** RFC 9162 2.1.3.2: whether the audit path proves the leaf hash at leafIndex in the tree with that root. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2: whether the proof shows the tree of size first is a prefix of the tree of size second. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /**
     * The stored nodes a computation reads, found by running it once over placeholder hashes (the
     * nodes it visits depend only on the sizes), so that they can be fetched in one query.
     */
    public static Set<Long> nodesRead(java.util.function.Consumer<Nodes> computation) {
        Set<Long> keys = new LinkedHashSet<>();
        computation.accept((level, index) -> {
            keys.add(key(level, index));
            return new byte[HASH_BYTES];
        });
        return keys;
    }

    /** Nodes answered from a map filled by one query. */
    public static Nodes fromMap(Map<Long, byte[]> found) {
        return (level, index) -> {
            byte[] hash = found.get(key(level, index));
            if (hash == null) {
                throw new IllegalStateException("ledger node " + level + "/" + index + " is missing");
            }
            return hash;
        };
    }

    /** One long naming a node: level in the top 8 bits, index below. */
    public static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    public static int levelOf(long key) {
        return (int) (key >>> 56);
    }

    public static long indexOf(long key) {
        return key & ((1L << 56) - 1);
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The root of a growing tree, kept as its complete subtrees only (at most log2(size) hashes), so
     * that a verifier can rebuild the root of a tree of any size from its leaves in bounded memory.
     */
    public static final class Compact {
        private final List<byte[]> peaks = new ArrayList<>();
        private final List<Integer> levels = new ArrayList<>();
        private long size;

        public void append(byte[] leafHash) {
            byte[] h = leafHash;
            int level = 0;
            while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
                h = nodeHash(peaks.remove(peaks.size() - 1), h);
                levels.remove(levels.size() - 1);
                level++;
            }
            peaks.add(h);
            levels.add(level);
            size++;
        }

        public long size() {
            return size;
        }

        public byte[] root() {
            if (peaks.isEmpty()) {
                return emptyRoot();
            }
            byte[] r = peaks.get(peaks.size() - 1);
            for (int i = peaks.size() - 2; i >= 0; i--) {
                r = nodeHash(peaks.get(i), r);
            }
            return r;
        }
    }
}
