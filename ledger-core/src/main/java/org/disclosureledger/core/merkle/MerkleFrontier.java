package org.disclosureledger.core.merkle;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * The right edge of an RFC 9162 Merkle tree being built leaf by leaf: one hash per perfect subtree in the binary
 * decomposition of {@code treeSize}, largest first. At most 64 hashes whatever the size, so a bulk disclosure of
 * millions of subjects can compute its manifest root without holding the manifest.
 *
 * @param treeSize number of leaves appended so far
 * @param peaks    hex SHA-256 hashes of the perfect subtrees, left to right
 */
public record MerkleFrontier(long treeSize, List<String> peaks) {

    private static final HexFormat HEX = HexFormat.of();

    public MerkleFrontier {
        if (treeSize < 0) {
            throw new InvalidValue("treeSize", "treeSize must not be negative");
        }
        peaks = List.copyOf(peaks);
        if (peaks.size() != Long.bitCount(treeSize)) {
            throw new IllegalArgumentException("a frontier of size " + treeSize + " has " + Long.bitCount(treeSize)
                    + " peaks, not " + peaks.size());
        }
    }

    /** The frontier of the empty tree. */
    public static MerkleFrontier empty() {
        return new MerkleFrontier(0, List.of());
    }

    /** This frontier with the given leaf data appended, in order. */
    public MerkleFrontier append(List<byte[]> leafData) {
        List<byte[]> stack = new ArrayList<>(64);
        peaks.forEach(p -> stack.add(HEX.parseHex(p)));
        long size = treeSize;
        for (byte[] data : leafData) {
            byte[] carry = MerkleHash.leaf(data);
            for (long s = size; (s & 1) == 1; s >>= 1) {
                carry = MerkleHash.node(stack.remove(stack.size() - 1), carry);
            }
            stack.add(carry);
            size++;
        }
        return new MerkleFrontier(size, stack.stream().map(HEX::formatHex).toList());
    }

    /** The RFC 9162 root hash of the tree so far, as lower-case hex. */
    public String rootHash() {
        if (peaks.isEmpty()) {
            return HEX.formatHex(MerkleHash.emptyRoot());
        }
        byte[] root = HEX.parseHex(peaks.get(peaks.size() - 1));
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(HEX.parseHex(peaks.get(i)), root);
        }
        return HEX.formatHex(root);
    }
}
