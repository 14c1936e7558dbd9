package org.disclosureledger.core.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Checks the ledger's proofs as a watchdog or an enrollee does, holding nothing but a checkpoint: inclusion proofs
 * (RFC 9162 section 2.1.3.2) and consistency proofs (section 2.1.4.2). Each check returns normally when the proof
 * holds and otherwise throws a failure carrying the evidence.
 */
public final class ProofVerifier {

    private ProofVerifier() {}

    /**
     * Checks that {@code proof} shows the leaf with {@code leafHash} is at {@code index} in the tree of size {@code
     * treeSize} whose root is {@code rootHash}.
     *
     * @throws InclusionProofFailure naming the index, the size, the expected root and the root the proof led to
     */
    public static void verifyInclusion(
            Sha256Hash leafHash, long index, long treeSize, List<Sha256Hash> proof, Sha256Hash rootHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(rootHash, "rootHash");
        List<Sha256Hash> path = List.copyOf(proof);
        if (index < 0 || index >= treeSize) {
            throw new InclusionProofFailure(
                    InclusionProofFailure.Reason.INDEX_NOT_IN_TREE, index, treeSize, leafHash, rootHash, null, path);
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash.raw();
        for (Sha256Hash p : path) {
            if (sn == 0) {
                throw new InclusionProofFailure(
                        InclusionProofFailure.Reason.WRONG_PROOF_SIZE, index, treeSize, leafHash, rootHash, null, path);
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p.raw(), r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p.raw());
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InclusionProofFailure(
                    InclusionProofFailure.Reason.WRONG_PROOF_SIZE, index, treeSize, leafHash, rootHash, null, path);
        }
        if (!Arrays.equals(r, rootHash.raw())) {
            throw new InclusionProofFailure(
                    InclusionProofFailure.Reason.ROOT_MISMATCH,
                    index,
                    treeSize,
                    leafHash,
                    rootHash,
                    new Sha256Hash(r),
                    path);
        }
    }

    /**
     * Checks that {@code proof} shows the tree of size {@code larger} with root {@code largerRoot} extends the tree of
     * size {@code smaller} with root {@code smallerRoot}. Two trees of the same size are consistent only when their
     * roots are equal and the proof is empty; the empty tree only when its root is SHA-256 of no bytes and the proof is
     * empty.
     *
     * @throws ConsistencyProofFailure naming both sizes, both roots and the roots the proof led to
     */
    public static void verifyConsistency(
            long smaller, Sha256Hash smallerRoot, long larger, Sha256Hash largerRoot, List<Sha256Hash> proof) {
        Objects.requireNonNull(smallerRoot, "smallerRoot");
        Objects.requireNonNull(largerRoot, "largerRoot");
        List<Sha256Hash> given = List.copyOf(proof);
        Failures fail = new Failures(smaller, smallerRoot, larger, largerRoot, given);
        if (smaller < 0 || smaller > larger) {
            throw fail.because(ConsistencyProofFailure.Reason.SIZES_OUT_OF_ORDER, null, null);
        }
        if (smaller == 0 || smaller == larger) {
            if (!given.isEmpty()) {
                throw fail.because(ConsistencyProofFailure.Reason.WRONG_PROOF_SIZE, null, null);
            }
            Sha256Hash held = smaller == 0 ? MerkleTree.emptyRoot() : smallerRoot;
            Sha256Hash reached = smaller == larger ? held : largerRoot;
            if (!held.equals(smallerRoot) || !reached.equals(largerRoot)) {
                throw fail.because(ConsistencyProofFailure.Reason.ROOT_MISMATCH, held, reached);
            }
            return;
        }
        if (given.isEmpty()) {
            throw fail.because(ConsistencyProofFailure.Reason.WRONG_PROOF_SIZE, null, null);
        }
        List<Sha256Hash> path = given;
        if (Long.bitCount(smaller) == 1) {
            path = new ArrayList<>(given.size() + 1);
            path.add(smallerRoot);
            path.addAll(given);
        }
        long fn = smaller - 1;
        long sn = larger - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0).raw();
        byte[] sr = fr;
        for (Sha256Hash c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw fail.because(ConsistencyProofFailure.Reason.WRONG_PROOF_SIZE, null, null);
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c.raw(), fr);
                sr = MerkleHash.node(c.raw(), sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c.raw());
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw fail.because(ConsistencyProofFailure.Reason.WRONG_PROOF_SIZE, null, null);
        }
        if (!Arrays.equals(fr, smallerRoot.raw()) || !Arrays.equals(sr, largerRoot.raw())) {
            throw fail.because(ConsistencyProofFailure.Reason.ROOT_MISMATCH, new Sha256Hash(fr), new Sha256Hash(sr));
        }
    }

    private record Failures(
            long smaller, Sha256Hash smallerRoot, long larger, Sha256Hash largerRoot, List<Sha256Hash> proof) {

        ConsistencyProofFailure because(
                ConsistencyProofFailure.Reason reason, Sha256Hash computedSmaller, Sha256Hash computedLarger) {
            return new ConsistencyProofFailure(
                    reason, smaller, smallerRoot, larger, largerRoot, computedSmaller, computedLarger, proof);
        }
    }
}
