package org.disclosureledger.core.merkle;

import java.util.List;

/**
 * Where {@link MerkleTree} reads the hashes it builds roots and proofs from: the perfect subtrees of an append-only
 * tree, which never change once complete. The ledger's sequencer backs this with the nodes it stores; {@link
 * InMemoryMerkleNodes} keeps them in memory.
 */
public interface MerkleNodes {

    /** The number of leaves stored; roots and proofs can be asked for any tree size up to it. */
    long treeSize();

    /**
     * The hash of the perfect subtree at {@code level} and {@code index}: at level 0 the leaf hash, above it
     * SHA-256(0x01 || left child || right child). Only asked for complete nodes, whose leaves are all stored.
     */
    Sha256Hash node(int level, long index);

    /**
     * The hashes of the given nodes, in the same order. A store that can fetch many nodes in one round trip overrides
     * this: {@link MerkleTree} asks for everything one root or proof needs in a single call.
     */
    default List<Sha256Hash> nodes(List<NodeId> ids) {
        return ids.stream().map(id -> node(id.level(), id.index())).toList();
    }
}
