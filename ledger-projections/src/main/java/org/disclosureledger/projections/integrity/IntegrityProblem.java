package org.disclosureledger.projections.integrity;

/**
 * One way the stored ledger disagrees with itself, with its evidence: which entry or checkpoint, what was expected
 * (as recorded or signed earlier) and what was found now. Hashes are lower-case hex.
 *
 * @param ledgerIndex the first entry concerned, or -1 when the problem is a checkpoint's as a whole
 * @param treeSize    the checkpoint concerned, or -1
 */
public record IntegrityProblem(
        Kind kind, long ledgerIndex, long treeSize, String expected, String found, String explanation) {

    /** What kind of disagreement. */
    public enum Kind {
        /** An entry's event is no longer in the event table. */
        EVENT_MISSING,
        /** An entry's event now hashes differently: its payload, type, time or place was changed. */
        LEAF_HASH_CHANGED,
        /** An entry's event has moved in the event table (its global index changed). */
        EVENT_MOVED,
        /** A ledger index is missing: entries were removed. */
        ENTRY_MISSING,
        /**
         * A stored event has no ledger entry although later events have one: it was inserted among them afterwards,
         * or the sequencer passed it by.
         */
        EVENT_NOT_SEQUENCED,
        /**
         * A stored tree node, from which proofs are served and checkpoints are computed, is missing or differs from the
         * node of the recorded leaves.
         */
        TREE_NODE_CHANGED,
        /** A stored checkpoint's root differs from the root recomputed from the events. */
        CHECKPOINT_ROOT_MISMATCH,
        /** A stored checkpoint's signed note does not verify with the ledger's key, or names another root. */
        CHECKPOINT_SIGNATURE_INVALID
    }
}
