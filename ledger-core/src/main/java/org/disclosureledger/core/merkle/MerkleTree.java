package org.disclosureledger.core.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * The RFC 9162 Merkle tree of the ledger at any size it has reached: its {@code rootHash(treeSize)}, the {@code
 * inclusionProof(index, treeSize)} of a leaf and the {@code consistencyProof(smaller, larger)} between two sizes
 * (sections 2.1.1 to 2.1.4). What a checkpoint signs and what the API serves alongside it.
 *
 * <p>Everything is read from the stored perfect subtrees of a {@link MerkleNodes}: a subtree on the right edge of a
 * tree that is not perfect is folded from the perfect subtrees it is made of, so one root or proof reads O(log n)
 * nodes, all in one {@link MerkleNodes#nodes} call.
 */
public final class MerkleTree {

    private final MerkleNodes nodes;

    public MerkleTree(MerkleNodes nodes) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
    }

    /** The leaf hash of an entry: SHA-256(0x00 || leafData). */
    public static Sha256Hash leafHash(byte[] leafData) {
        return new Sha256Hash(MerkleHash.leaf(leafData));
    }

    /** The interior node hash: SHA-256(0x01 || left || right). */
    public static Sha256Hash nodeHash(Sha256Hash left, Sha256Hash right) {
        return new Sha256Hash(MerkleHash.node(left.raw(), right.raw()));
    }

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static Sha256Hash emptyRoot() {
        return new Sha256Hash(MerkleHash.emptyRoot());
    }

    /** MTH(D[treeSize]): the root hash of the tree of the first {@code treeSize} leaves. */
    public Sha256Hash rootHash(long treeSize) {
        requireStored("treeSize", treeSize);
        if (treeSize == 0) {
            return emptyRoot();
        }
        return resolve(List.of(subtree(0, treeSize))).get(0);
    }

    /**
     * PATH(index, D[treeSize]): the sibling hashes from leaf {@code index} up to the root of the tree of size {@code
     * treeSize}, nearest the leaf first.
     */
    public List<Sha256Hash> inclusionProof(long index, long treeSize) {
        requireStored("treeSize", treeSize);
        if (index < 0 || index >= treeSize) {
            throw new InvalidValue(
                    "index", "index " + index + " is not in a tree of size " + treeSize + " (indexes start at 0)");
        }
        List<List<NodeId>> plan = new ArrayList<>();
        path(index, 0, treeSize, plan);
        return resolve(plan);
    }

    /**
     * PROOF(smaller, D[larger]): the hashes that show the tree of size {@code larger} extends the tree of size {@code
     * smaller}. Empty when {@code smaller} is 0 or equal to {@code larger}, as there is nothing to show.
     */
    public List<Sha256Hash> consistencyProof(long smaller, long larger) {
        requireStored("larger", larger);
        if (smaller < 0 || smaller > larger) {
            throw new InvalidValue(
                    "smaller", "smaller tree size " + smaller + " is not between 0 and the larger size " + larger);
        }
        if (smaller == 0 || smaller == larger) {
            return List.of();
        }
        List<List<NodeId>> plan = new ArrayList<>();
        subproof(smaller, 0, larger, true, plan);
        return resolve(plan);
    }

    private void requireStored(String field, long treeSize) {
        long stored = nodes.treeSize();
        if (treeSize < 0 || treeSize > stored) {
            throw new InvalidValue(
                    field, field + " " + treeSize + " is not between 0 and the " + stored + " leaves stored");
        }
    }

    /** RFC 9162 2.1.3.1, over the leaves [start, start + n), each proof hash named by the nodes it folds from. */
    private static void path(long m, long start, long n, List<List<NodeId>> plan) {
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, start, k, plan);
            plan.add(subtree(start + k, n - k));
        } else {
            path(m - k, start + k, n - k, plan);
            plan.add(subtree(start, k));
        }
    }

    /** RFC 9162 2.1.4.1 SUBPROOF, over the leaves [start, start + n). */
    private static void subproof(long m, long start, long n, boolean wholeOldTree, List<List<NodeId>> plan) {
        if (m == n) {
            if (!wholeOldTree) {
                plan.add(subtree(start, m));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, k, wholeOldTree, plan);
            plan.add(subtree(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, plan);
            plan.add(subtree(start, k));
        }
    }

    /**
     * The perfect subtrees, largest first, that the subtree of {@code size} leaves at {@code start} is made of: one
     * node when it is perfect, otherwise one per bit of {@code size} (the right edge of a tree). The recursion only
     * produces subtrees whose start is a multiple of the power of two at or above their size, so each part is aligned.
     */
    private static List<NodeId> subtree(long start, long size) {
        List<NodeId> parts = new ArrayList<>(Long.bitCount(size));
        long at = start;
        long left = size;
        while (left > 0) {
            int level = 63 - Long.numberOfLeadingZeros(left);
            parts.add(new NodeId(level, at >>> level));
            at += 1L << level;
            left -= 1L << level;
        }
        return parts;
    }

    /** Reads every node the plan names in one call, then folds each group right to left into one hash. */
    private List<Sha256Hash> resolve(List<List<NodeId>> plan) {
        List<NodeId> wanted = plan.stream().flatMap(List::stream).toList();
        List<Sha256Hash> fetched = nodes.nodes(wanted);
        if (fetched.size() != wanted.size()) {
            throw new IllegalStateException(
                    "the node store returned " + fetched.size() + " hashes for " + wanted.size() + " nodes");
        }
        List<Sha256Hash> hashes = new ArrayList<>(plan.size());
        int next = 0;
        for (List<NodeId> group : plan) {
            int end = next + group.size();
            byte[] folded =
                    Objects.requireNonNull(fetched.get(end - 1), "node hash").raw();
            for (int i = end - 2; i >= next; i--) {
                folded = MerkleHash.node(
                        Objects.requireNonNull(fetched.get(i), "node hash").raw(), folded);
            }
            hashes.add(new Sha256Hash(folded));
            next = end;
        }
        return List.copyOf(hashes);
    }
}
