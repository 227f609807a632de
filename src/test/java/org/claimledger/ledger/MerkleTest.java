package org.claimledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service's Merkle code against a second implementation of RFC 9162 section 2.1 written here
 * from the RFC's recursive definitions over plain lists of leaves, for every tree of size 1..300
 * and every leaf and every earlier size in it.
 */
class MerkleTest {

    private static final int MAX = 300;
    private static final List<byte[]> LEAVES = new ArrayList<>();

    static {
        for (int i = 0; i < MAX; i++) {
            LEAVES.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The service's view: stored complete subtrees, built the way the database trigger builds them. */
    private static final Merkle.Nodes STORED = storedNodes();

    @Test
    void shouldHashTheEmptyTreeAndOneLeafAsTheRfcSays() {
        assertThat(HexFormat.of().formatHex(Merkle.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        // RFC 9162 test data (as used by Certificate Transparency implementations): the empty leaf
        assertThat(HexFormat.of().formatHex(Merkle.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(Merkle.root(1, STORED)).isEqualTo(Rfc.leafHash(LEAVES.get(0)));
    }

    @Test
    void shouldComputeTheRootOfEveryTreeSize() {
        var compact = new Merkle.Compact();
        for (int n = 1; n <= MAX; n++) {
            compact.append(Rfc.leafHash(LEAVES.get(n - 1)));
            byte[] expected = Rfc.mth(LEAVES.subList(0, n));
            assertThat(Merkle.root(n, STORED)).as("root of size %d", n).isEqualTo(expected);
            assertThat(compact.root()).as("compact root of size %d", n).isEqualTo(expected);
        }
    }

    @Test
    void shouldProveEveryLeafOfEveryTreeAsTheRfcDefinesIt() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = Rfc.mth(LEAVES.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Merkle.inclusionPath(m, n, STORED);
                List<byte[]> expected = Rfc.path(m, LEAVES.subList(0, n));
                assertSame(path, expected, "path of leaf " + m + " in " + n);
                byte[] leaf = Rfc.leafHash(LEAVES.get(m));
                assertThat(Merkle.verifyInclusion(m, n, leaf, path, root)).as("leaf %d in %d", m, n).isTrue();
                assertThat(Rfc.rootFromPath(m, n, leaf, path)).isEqualTo(root);
                // a wrong leaf, a wrong index, a cut or lengthened path never verify
                assertThat(Merkle.verifyInclusion(m, n, Rfc.leafHash(new byte[] {1}), path, root)).isFalse();
                if (n > 1) {
                    assertThat(Merkle.verifyInclusion((m + 1) % n, n, leaf, path, root)).isFalse();
                    assertThat(Merkle.verifyInclusion(m, n, leaf, path.subList(0, path.size() - 1), root)).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(root);
                assertThat(Merkle.verifyInclusion(m, n, leaf, longer, root)).isFalse();
            }
        }
    }

    @Test
    void shouldProveEveryEarlierTreeConsistentAsTheRfcDefinesIt() {
        byte[][] roots = new byte[MAX + 1][];
        for (int n = 1; n <= MAX; n++) {
            roots[n] = Rfc.mth(LEAVES.subList(0, n));
        }
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = Merkle.consistencyPath(m, n, STORED);
                assertSame(proof, Rfc.proof(m, LEAVES.subList(0, n)), "proof " + m + " to " + n);
                assertThat(Merkle.verifyConsistency(m, n, roots[m], roots[n], proof)).as("%d to %d", m, n).isTrue();
                if (m < n) {
                    // another old root, or one changed leaf in the new tree, is caught
                    byte[] otherOld = m > 1 ? roots[m - 1] : Rfc.leafHash(new byte[] {1});
                    assertThat(Merkle.verifyConsistency(m, n, otherOld, roots[n], proof)).isFalse();
                    assertThat(Merkle.verifyConsistency(m, n, roots[m], roots[n - 1 == 0 ? 1 : n - 1], proof)).isFalse();
                    assertThat(Merkle.verifyConsistency(m, n, roots[m], roots[n], proof.subList(0, proof.size() - 1)))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void shouldNotProveALeafOutsideTheTree() {
        byte[] root = Rfc.mth(LEAVES.subList(0, 5));
        assertThat(Merkle.verifyInclusion(5, 5, Rfc.leafHash(LEAVES.get(5)), List.of(), root)).isFalse();
        assertThat(Merkle.verifyConsistency(6, 5, root, root, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(0, 5, root, root, List.of())).isFalse();
    }

    /** Hash lists compared without building descriptions of every one (tens of thousands are compared). */
    private static void assertSame(List<byte[]> actual, List<byte[]> expected, String what) {
        boolean same = actual.size() == expected.size();
        for (int i = 0; same && i < actual.size(); i++) {
            same = java.util.Arrays.equals(actual.get(i), expected.get(i));
        }
        if (!same) {
            assertThat(actual).as(what).containsExactlyElementsOf(expected);
        }
    }

    private static Merkle.Nodes storedNodes() {
        Map<Long, byte[]> nodes = new HashMap<>();
        for (int i = 0; i < MAX; i++) {
            byte[] h = Rfc.leafHash(LEAVES.get(i));
            nodes.put(Merkle.key(0, i), h);
            long index = i;
            int level = 0;
            while (index % 2 == 1) {
                h = Rfc.nodeHash(nodes.get(Merkle.key(level, index - 1)), h);
                level++;
                index /= 2;
                nodes.put(Merkle.key(level, index), h);
            }
        }
        return Merkle.fromMap(nodes);
    }

    /** RFC 9162 section 2.1, transcribed from its recursive definitions over lists D[0:n]. */
    static final class Rfc {

        static byte[] leafHash(byte[] leaf) {
            return sha(new byte[] {0}, leaf);
        }

        static byte[] nodeHash(byte[] left, byte[] right) {
            return sha(new byte[] {1}, left, right);
        }

        /** MTH by the range of LEAVES the list is, remembered: the definitions call it again and again. */
        private static final Map<Long, byte[]> MTH = new HashMap<>();
        private static final Map<byte[], Integer> POSITION = new java.util.IdentityHashMap<>();

        static {
            for (int i = 0; i < MAX; i++) {
                POSITION.put(LEAVES.get(i), i);
            }
        }

        static byte[] mth(List<byte[]> d) {
            if (d.isEmpty()) {
                return sha();
            }
            long range = POSITION.get(d.get(0)) * 1000L + d.size();
            byte[] known = MTH.get(range);
            if (known == null) {
                known = computeMth(d);
                MTH.put(range, known);
            }
            return known;
        }

        private static byte[] computeMth(List<byte[]> d) {
            if (d.isEmpty()) {
                return sha();
            }
            if (d.size() == 1) {
                return leafHash(d.get(0));
            }
            int k = k(d.size());
            return nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
        }

        static List<byte[]> path(int m, List<byte[]> d) {
            List<byte[]> out = new ArrayList<>();
            if (d.size() == 1) {
                return out;
            }
            int k = k(d.size());
            if (m < k) {
                out.addAll(path(m, d.subList(0, k)));
                out.add(mth(d.subList(k, d.size())));
            } else {
                out.addAll(path(m - k, d.subList(k, d.size())));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        static List<byte[]> proof(int m, List<byte[]> d) {
            return subproof(m, d, true);
        }

        static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            List<byte[]> out = new ArrayList<>();
            int n = d.size();
            if (m == n) {
                if (!b) {
                    out.add(mth(d));
                }
                return out;
            }
            int k = k(n);
            if (m <= k) {
                out.addAll(subproof(m, d.subList(0, k), b));
                out.add(mth(d.subList(k, n)));
            } else {
                out.addAll(subproof(m - k, d.subList(k, n), false));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        /** The root an audit path leads to, by the same recursion that built it (not the RFC's iterative check). */
        static byte[] rootFromPath(long m, long n, byte[] leaf, List<byte[]> path) {
            if (n == 1) {
                return leaf;
            }
            long k = Long.highestOneBit(n - 1);
            byte[] last = path.get(path.size() - 1);
            List<byte[]> rest = path.subList(0, path.size() - 1);
            return m < k ? nodeHash(rootFromPath(m, k, leaf, rest), last)
                    : nodeHash(last, rootFromPath(m - k, n - k, leaf, rest));
        }

        /** The largest power of two smaller than n. */
        private static int k(int n) {
            int k = 1;
            while (k << 1 < n) {
                k <<= 1;
            }
            return k;
        }

        private static byte[] sha(byte[]... parts) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (byte[] p : parts) {
                    sha.update(p);
                }
                return sha.digest();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
