package org.disclosureledger.core.merkle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A consistency proof that does not show the tree of size {@code larger} extends the tree of size {@code smaller}:
 * the log rewrote, removed or reordered history, or forked (two roots for the same size). Carries both tree heads and
 * the roots the proof led to, like tessera's {@code ErrInconsistency}.
 */
public final class ConsistencyProofFailure extends IntegrityFailure {

    /** What was wrong with the proof. */
    public enum Reason {
        /** The smaller size is negative or larger than the larger size. */
        SIZES_OUT_OF_ORDER,
        /** The proof has more or fewer hashes than a proof between those sizes has. */
        WRONG_PROOF_SIZE,
        /** The proof leads to other roots than the two given (for equal sizes: the two roots differ). */
        ROOT_MISMATCH
    }

    private final Reason reason;
    private final long smaller;
    private final Sha256Hash smallerRoot;
    private final long larger;
    private final Sha256Hash largerRoot;
    private final Sha256Hash computedSmallerRoot;
    private final Sha256Hash computedLargerRoot;
    private final List<Sha256Hash> proof;

    /**
     * @param computedSmallerRoot the root of the smaller tree the proof led to, or null when it led nowhere
     * @param computedLargerRoot the root of the larger tree the proof led to, or null when it led nowhere
     */
    public ConsistencyProofFailure(
            Reason reason,
            long smaller,
            Sha256Hash smallerRoot,
            long larger,
            Sha256Hash largerRoot,
            Sha256Hash computedSmallerRoot,
            Sha256Hash computedLargerRoot,
            List<Sha256Hash> proof) {
        super(message(
                reason, smaller, smallerRoot, larger, largerRoot, computedSmallerRoot, computedLargerRoot, proof));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.smaller = smaller;
        this.smallerRoot = Objects.requireNonNull(smallerRoot, "smallerRoot");
        this.larger = larger;
        this.largerRoot = Objects.requireNonNull(largerRoot, "largerRoot");
        this.computedSmallerRoot = computedSmallerRoot;
        this.computedLargerRoot = computedLargerRoot;
        this.proof = List.copyOf(proof);
    }

    private static String message(
            Reason reason,
            long smaller,
            Sha256Hash smallerRoot,
            long larger,
            Sha256Hash largerRoot,
            Sha256Hash computedSmallerRoot,
            Sha256Hash computedLargerRoot,
            List<Sha256Hash> proof) {
        String subject = "consistency proof from tree size " + smaller + " (root " + smallerRoot + ") to " + larger
                + " (root " + largerRoot + ")";
        return switch (reason) {
            case SIZES_OUT_OF_ORDER -> subject + ": the smaller size must be between 0 and the larger size";
            case WRONG_PROOF_SIZE -> subject + ": " + proof.size() + " hashes is not the length of such a proof";
            case ROOT_MISMATCH -> subject + " leads to roots " + computedSmallerRoot + " and " + computedLargerRoot;
        };
    }

    public Reason reason() {
        return reason;
    }

    public long smaller() {
        return smaller;
    }

    /** The root held for the smaller tree: the older checkpoint's. */
    public Sha256Hash smallerRoot() {
        return smallerRoot;
    }

    public long larger() {
        return larger;
    }

    /** The root presented for the larger tree: the newer checkpoint's. */
    public Sha256Hash largerRoot() {
        return largerRoot;
    }

    /** The root of the smaller tree the proof led to, when it led anywhere. */
    public Optional<Sha256Hash> computedSmallerRoot() {
        return Optional.ofNullable(computedSmallerRoot);
    }

    /** The root of the larger tree the proof led to, when it led anywhere. */
    public Optional<Sha256Hash> computedLargerRoot() {
        return Optional.ofNullable(computedLargerRoot);
    }

    public List<Sha256Hash> proof() {
        return proof;
    }
}
