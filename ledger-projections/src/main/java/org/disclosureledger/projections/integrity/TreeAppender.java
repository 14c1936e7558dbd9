package org.disclosureledger.projections.integrity;

import java.util.ArrayList;
import java.util.List;
import org.disclosureledger.core.merkle.MerkleHash;
import org.disclosureledger.core.merkle.NodeId;

/**
 * Appends leaves to the right edge of an RFC 9162 tree and reports every perfect subtree each append completes, so
 * the sequencer can store them. Holds only the tree's peaks (at most 64 hashes).
 */
final class TreeAppender {

    /** A perfect subtree: at {@code level}, covering leaves {@code [index * 2^level, (index + 1) * 2^level)}. */
    record Node(int level, long index, byte[] hash) {}

    private final List<Node> peaks;
    private long size;

    /** Continues a tree of {@code size} leaves whose peaks, largest first, are given. */
    TreeAppender(long size, List<Node> peaks) {
        if (peaks.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException(
                    "a tree of " + size + " leaves has " + Long.bitCount(size) + " peaks, not " + peaks.size());
        }
        this.size = size;
        this.peaks = new ArrayList<>(peaks);
    }

    /** Appends one leaf hash; returns the nodes of height >= 1 it completed, lowest first. */
    List<Node> append(byte[] leafHash) {
        long leafIndex = size;
        Node carry = new Node(0, leafIndex, leafHash);
        List<Node> completed = new ArrayList<>();
        while (!peaks.isEmpty() && peaks.get(peaks.size() - 1).level() == carry.level()) {
            Node left = peaks.remove(peaks.size() - 1);
            int level = carry.level() + 1;
            carry = new Node(level, leafIndex >> level, MerkleHash.node(left.hash(), carry.hash()));
            completed.add(carry);
        }
        peaks.add(carry);
        size++;
        return completed;
    }

    long size() {
        return size;
    }

    /** The RFC 9162 root of the tree so far. */
    byte[] rootHash() {
        if (peaks.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = peaks.get(peaks.size() - 1).hash();
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(peaks.get(i).hash(), root);
        }
        return root;
    }

    /** Where the peaks of a tree of {@code size} leaves are, largest first. */
    static List<NodeId> peakPositions(long size) {
        List<NodeId> positions = new ArrayList<>();
        long offset = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                positions.add(new NodeId(level, offset >> level));
                offset += 1L << level;
            }
        }
        return positions;
    }
}
