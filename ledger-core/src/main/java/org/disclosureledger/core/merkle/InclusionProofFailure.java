package org.disclosureledger.core.merkle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An inclusion proof that does not show the leaf at {@code index} is in the tree of size {@code treeSize} with the
 * expected root: the entry, or the history before it, is not what the checkpoint committed to.
 */
public final class InclusionProofFailure extends IntegrityFailure {

    /** What was wrong with the proof. */
    public enum Reason {
        /** The index is not a leaf of a tree of that size, so no proof can exist. */
        INDEX_NOT_IN_TREE,
        /** The proof has more or fewer hashes than a proof for that index and size has. */
        WRONG_PROOF_SIZE,
        /** The proof leads to another root than the expected one. */
        ROOT_MISMATCH
    }

    private final Reason reason;
    private final long index;
    private final long treeSize;
    private final Sha256Hash leafHash;
    private final Sha256Hash expectedRoot;
    private final Sha256Hash computedRoot;
    private final List<Sha256Hash> proof;

    /**
     * @param computedRoot the root the proof led to, or null when it led nowhere ({@link Reason#INDEX_NOT_IN_TREE},
     *     {@link Reason#WRONG_PROOF_SIZE})
     */
    public InclusionProofFailure(
            Reason reason,
            long index,
            long treeSize,
            Sha256Hash leafHash,
            Sha256Hash expectedRoot,
            Sha256Hash computedRoot,
            List<Sha256Hash> proof) {
        super(message(reason, index, treeSize, expectedRoot, computedRoot, proof));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.index = index;
        this.treeSize = treeSize;
        this.leafHash = Objects.requireNonNull(leafHash, "leafHash");
        this.expectedRoot = Objects.requireNonNull(expectedRoot, "expectedRoot");
        this.computedRoot = computedRoot;
        this.proof = List.copyOf(proof);
    }

    private static String message(
            Reason reason,
            long index,
            long treeSize,
            Sha256Hash expectedRoot,
            Sha256Hash computedRoot,
            List<Sha256Hash> proof) {
        String subject = "inclusion proof for index " + index + " in tree size " + treeSize;
        return switch (reason) {
            case INDEX_NOT_IN_TREE -> subject + ": the index is not in a tree of that size";
            case WRONG_PROOF_SIZE -> subject + ": " + proof.size() + " hashes is not the length of such a proof";
            case ROOT_MISMATCH -> subject + " leads to root " + computedRoot + ", not the expected " + expectedRoot;
        };
    }

    public Reason reason() {
        return reason;
    }

    /** The index of the leaf whose inclusion was to be shown. */
    public long index() {
        return index;
    }

    public long treeSize() {
        return treeSize;
    }

    public Sha256Hash leafHash() {
        return leafHash;
    }

    /** The root the leaf should be under: the checkpoint's. */
    public Sha256Hash expectedRoot() {
        return expectedRoot;
    }

    /** The root the proof led to, when it led anywhere. */
    public Optional<Sha256Hash> computedRoot() {
        return Optional.ofNullable(computedRoot);
    }

    public List<Sha256Hash> proof() {
        return proof;
    }
}
