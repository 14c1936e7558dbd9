package org.disclosureledger.core.merkle;

import org.disclosureledger.core.shared.InvalidValue;

/**
 * The address of a perfect subtree of the ledger's Merkle tree, as a store of tree nodes keys it: level 0 holds the
 * leaf hashes, and the node at {@code level} and {@code index} covers the {@code 2^level} leaves starting at {@code
 * index * 2^level}.
 *
 * @param level height above the leaves, 0 to 62
 * @param index position within the level, counted from the left from 0
 */
public record NodeId(int level, long index) {

    /** The highest level a tree of at most {@link Long#MAX_VALUE} leaves has a perfect subtree at. */
    public static final int MAX_LEVEL = 62;

    public NodeId {
        if (level < 0 || level > MAX_LEVEL) {
            throw new InvalidValue("level", "a node's level is between 0 and " + MAX_LEVEL + ", not " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >> level)) {
            throw new InvalidValue("index", "no node at level " + level + " has index " + index);
        }
    }

    /** The index of the first leaf this node covers. */
    public long firstLeaf() {
        return index << level;
    }

    /** The number of leaves this node covers: {@code 2^level}. */
    public long leafCount() {
        return 1L << level;
    }
}
