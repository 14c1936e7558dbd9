package org.disclosureledger.projections.integrity;

import java.util.List;
import org.disclosureledger.core.merkle.MerkleNodes;
import org.disclosureledger.core.merkle.NodeId;
import org.disclosureledger.core.merkle.Sha256Hash;

/** The ledger's stored Merkle tree as {@link MerkleNodes}: leaves from the entries, perfect subtrees from their table. */
public final class LedgerNodes implements MerkleNodes {

    private final LedgerStore store;
    private final long treeSize;

    /** The tree as it is now. */
    public LedgerNodes(LedgerStore store) {
        this.store = store;
        this.treeSize = store.size();
    }

    @Override
    public long treeSize() {
        return treeSize;
    }

    @Override
    public Sha256Hash node(int level, long index) {
        return new Sha256Hash(store.node(level, index));
    }

    @Override
    public List<Sha256Hash> nodes(List<NodeId> ids) {
        return store.nodes(ids).stream().map(Sha256Hash::new).toList();
    }
}
