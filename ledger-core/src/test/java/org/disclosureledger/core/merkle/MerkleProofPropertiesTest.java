package org.disclosureledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The properties a watchdog relies on, for every tree size up to {@value #MAX_SIZE}: every proof the tree gives
 * verifies (and is the RFC's, by {@link ReferenceMerkleTree}), and one changed leaf makes every proof over it fail
 * naming the index or the sizes. Leaves are random but seeded (by {@value #SEED}, and the tree size for the changed
 * leaf), so a failure replays. The stored tree always holds all {@value #MAX_SIZE} leaves: proofs are for past sizes.
 */
class MerkleProofPropertiesTest {

    private static final int MAX_SIZE = 70;
    private static final long SEED = 9162;

    private static final List<byte[]> LEAVES = randomLeaves(new Random(SEED));
    private static final MerkleTree HONEST = treeOf(LEAVES);

    static Stream<Arguments> treeSizes() {
        return IntStream.rangeClosed(1, MAX_SIZE).mapToObj(n -> argumentSet(n + " leaves", n));
    }

    static Stream<Arguments> treeSizesFromEmpty() {
        return IntStream.rangeClosed(0, MAX_SIZE).mapToObj(n -> argumentSet(n + " leaves", n));
    }

    @ParameterizedTest
    @MethodSource("treeSizesFromEmpty")
    void theRootOfEverySizeIsTheRfcRoot(int treeSize) {
        List<byte[]> leaves = LEAVES.subList(0, treeSize);

        assertThat(HONEST.rootHash(treeSize).hex())
                .isEqualTo(ReferenceMerkleTree.rootHash(leaves))
                .isEqualTo(MerkleFrontier.empty().append(leaves).rootHash());
    }

    @ParameterizedTest
    @MethodSource("treeSizes")
    void everyLeafsInclusionProofVerifiesAgainstTheRootOfEveryLaterSize(int treeSize) {
        Sha256Hash root = HONEST.rootHash(treeSize);
        for (int index = 0; index < treeSize; index++) {
            List<Sha256Hash> proof = HONEST.inclusionProof(index, treeSize);
            int leaf = index;

            assertThat(PublishedVectors.hex(proof))
                    .isEqualTo(ReferenceMerkleTree.inclusionProof(LEAVES.subList(0, treeSize), index));
            assertThatCode(() -> ProofVerifier.verifyInclusion(
                            MerkleTree.leafHash(LEAVES.get(leaf)), leaf, treeSize, proof, root))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @MethodSource("treeSizesFromEmpty")
    void everySmallerSizeHasAConsistencyProofThatVerifies(int larger) {
        Sha256Hash largerRoot = HONEST.rootHash(larger);
        for (int smaller = 0; smaller <= larger; smaller++) {
            List<Sha256Hash> proof = HONEST.consistencyProof(smaller, larger);
            long from = smaller;
            Sha256Hash smallerRoot = HONEST.rootHash(smaller);

            assertThat(PublishedVectors.hex(proof))
                    .isEqualTo(ReferenceMerkleTree.consistencyProof(LEAVES.subList(0, larger), smaller));
            assertThatCode(() -> ProofVerifier.verifyConsistency(from, smallerRoot, larger, largerRoot, proof))
                    .doesNotThrowAnyException();
        }
    }

    /** A log that rewrote one leaf proves every leaf from its rewritten tree; none verifies against the honest root. */
    @ParameterizedTest
    @MethodSource("treeSizes")
    void aChangedLeafBreaksEveryInclusionProofAgainstTheHonestRoot(int treeSize) {
        int changed = new Random(treeSize).nextInt(treeSize);
        MerkleTree rewritten = treeOf(withChangedLeaf(changed));
        Sha256Hash honestRoot = HONEST.rootHash(treeSize);

        for (int index = 0; index < treeSize; index++) {
            long leaf = index;
            Sha256Hash leafHash = MerkleTree.leafHash(withChangedLeaf(changed).get(index));
            List<Sha256Hash> proof = rewritten.inclusionProof(index, treeSize);

            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leafHash, leaf, treeSize, proof, honestRoot))
                    .isInstanceOfSatisfying(InclusionProofFailure.class, failure -> {
                        assertThat(failure.reason()).isEqualTo(InclusionProofFailure.Reason.ROOT_MISMATCH);
                        assertThat(failure.index()).isEqualTo(leaf);
                        assertThat(failure.treeSize()).isEqualTo(treeSize);
                        assertThat(failure.expectedRoot()).isEqualTo(honestRoot);
                        assertThat(failure.computedRoot()).contains(rewritten.rootHash(treeSize));
                    });
        }
    }

    /**
     * A watchdog holding an honest checkpoint of any size that covers the changed leaf cannot be given a consistency
     * proof to the rewritten tree, of the same size or larger.
     */
    @ParameterizedTest
    @MethodSource("treeSizes")
    void aChangedLeafBreaksConsistencyWithEveryCheckpointThatCoversIt(int larger) {
        int changed = new Random(larger).nextInt(larger);
        MerkleTree rewritten = treeOf(withChangedLeaf(changed));
        Sha256Hash rewrittenRoot = rewritten.rootHash(larger);

        for (int smaller = changed + 1; smaller <= larger; smaller++) {
            long held = smaller;
            Sha256Hash heldRoot = HONEST.rootHash(smaller);
            List<Sha256Hash> proof = rewritten.consistencyProof(smaller, larger);

            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(held, heldRoot, larger, rewrittenRoot, proof))
                    .isInstanceOfSatisfying(ConsistencyProofFailure.class, failure -> {
                        assertThat(failure.reason()).isEqualTo(ConsistencyProofFailure.Reason.ROOT_MISMATCH);
                        assertThat(failure.smaller()).isEqualTo(held);
                        assertThat(failure.larger()).isEqualTo(larger);
                        assertThat(failure.smallerRoot()).isEqualTo(heldRoot);
                        assertThat(failure.largerRoot()).isEqualTo(rewrittenRoot);
                    });
        }
    }

    /** What a checkpoint did not cover, it did not commit to: a leaf appended after it may be anything. */
    @ParameterizedTest
    @MethodSource("treeSizes")
    void aCheckpointTakenBeforeTheChangedLeafStaysConsistentWithTheRewrittenTree(int larger) {
        int changed = new Random(larger).nextInt(larger);
        MerkleTree rewritten = treeOf(withChangedLeaf(changed));

        for (int smaller = 0; smaller <= changed; smaller++) {
            long held = smaller;
            Sha256Hash heldRoot = HONEST.rootHash(smaller);
            List<Sha256Hash> proof = rewritten.consistencyProof(smaller, larger);

            assertThatCode(() ->
                            ProofVerifier.verifyConsistency(held, heldRoot, larger, rewritten.rootHash(larger), proof))
                    .doesNotThrowAnyException();
        }
    }

    private static List<byte[]> withChangedLeaf(int index) {
        List<byte[]> leaves = new ArrayList<>(LEAVES);
        byte[] changed = Arrays.copyOf(leaves.get(index), leaves.get(index).length + 1);
        leaves.set(index, changed);
        return leaves;
    }

    private static MerkleTree treeOf(List<byte[]> leaves) {
        InMemoryMerkleNodes nodes = new InMemoryMerkleNodes();
        leaves.forEach(nodes::append);
        return new MerkleTree(nodes);
    }

    private static List<byte[]> randomLeaves(Random random) {
        List<byte[]> leaves = new ArrayList<>(MAX_SIZE);
        for (int i = 0; i < MAX_SIZE; i++) {
            byte[] leaf = new byte[random.nextInt(48)];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        return List.copyOf(leaves);
    }
}
