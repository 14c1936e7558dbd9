package org.disclosureledger.core.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle tree kept whole in memory, every level of it, growing one leaf at a time: for tests, tools and small trees
 * (a watchdog rebuilding a few thousand entries). Not safe for use by several threads at once.
 */
public final class InMemoryMerkleNodes implements MerkleNodes {

    /** levels.get(l).get(i) is the perfect subtree at level l, index i; only complete nodes are kept. */
    private final List<List<Sha256Hash>> levels = new ArrayList<>();

    /** Appends the leaf with this data (hashed as SHA-256(0x00 || data)) and returns its index. */
    public long append(byte[] leafData) {
        return appendLeafHash(MerkleTree.leafHash(leafData));
    }

    /** Appends a leaf by its leaf hash and returns its index. */
    public long appendLeafHash(Sha256Hash leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        long leafIndex = treeSize();
        Sha256Hash carry = leafHash;
        int level = 0;
        long index = leafIndex;
        while (true) {
            if (levels.size() == level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(carry);
            if ((index & 1) == 0) {
                return leafIndex;
            }
            carry = MerkleTree.nodeHash(levels.get(level).get((int) index - 1), carry);
            level++;
            index >>= 1;
        }
    }

    @Override
    public long treeSize() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    @Override
    public Sha256Hash node(int level, long index) {
        if (level < 0
                || level >= levels.size()
                || index < 0
                || index >= levels.get(level).size()) {
            throw new IllegalArgumentException(
                    "a tree of " + treeSize() + " leaves has no complete node at level " + level + ", index " + index);
        }
        return levels.get(level).get((int) index);
    }
}
