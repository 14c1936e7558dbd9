package org.disclosureledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.disclosureledger.core.merkle.ConsistencyProofFailure.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 9162 verification algorithms accept the published proofs and refuse every corruption certificate-transparency
 * {@code merkle_tree_test.cc} and transparency-dev/merkle {@code proof/verify_test.go} try, with the evidence.
 */
class ProofVerifierTest {

    private static final Sha256Hash EMPTY = MerkleTree.emptyRoot();
    private static final Sha256Hash SOME_HASH =
            Sha256Hash.fromHex("abacaba000000000000000000000000000000000000000000060061e00123456");

    private static Sha256Hash leafHash(long index) {
        return MerkleTree.leafHash(PublishedVectors.LEAVES.get((int) index));
    }

    static Stream<Arguments> publishedInclusionProofs() {
        return PublishedVectors.INCLUSION_PROOFS.stream().map(v -> argumentSet(v.toString(), v));
    }

    @ParameterizedTest
    @MethodSource("publishedInclusionProofs")
    void aPublishedInclusionProofVerifiesAgainstThePublishedRoot(PublishedVectors.Inclusion published) {
        assertThatCode(() -> ProofVerifier.verifyInclusion(
                        leafHash(published.index()),
                        published.index(),
                        published.treeSize(),
                        PublishedVectors.hashes(published.proof()),
                        PublishedVectors.root(published.treeSize())))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> publishedConsistencyProofs() {
        return PublishedVectors.CONSISTENCY_PROOFS.stream().map(v -> argumentSet(v.toString(), v));
    }

    @ParameterizedTest
    @MethodSource("publishedConsistencyProofs")
    void aPublishedConsistencyProofVerifiesBetweenThePublishedRoots(PublishedVectors.Consistency published) {
        assertThatCode(() -> ProofVerifier.verifyConsistency(
                        published.smaller(),
                        PublishedVectors.root(published.smaller()),
                        published.larger(),
                        PublishedVectors.root(published.larger()),
                        PublishedVectors.hashes(published.proof())))
                .doesNotThrowAnyException();
    }

    /** A claim about leaf 5 of 8 (the published proof bc1a.., ca85.., d37e..) with one thing changed. */
    record InclusionClaim(Sha256Hash leafHash, long index, long treeSize, List<Sha256Hash> proof, Sha256Hash root) {}

    private static final List<Sha256Hash> PROOF_5_OF_8 =
            PublishedVectors.hashes(PublishedVectors.INCLUSION_PROOFS.get(2).proof());

    private static List<Sha256Hash> with(List<Sha256Hash> proof, int at, Sha256Hash hash, boolean replace) {
        List<Sha256Hash> changed = new ArrayList<>(proof);
        if (replace) {
            changed.set(at, hash);
        } else {
            changed.add(at, hash);
        }
        return changed;
    }

    private static Sha256Hash flipBit(Sha256Hash hash) {
        byte[] bytes = hash.bytes();
        bytes[0] ^= 8;
        return new Sha256Hash(bytes);
    }

    static Stream<Arguments> corruptedInclusionClaims() {
        Sha256Hash leaf = leafHash(5);
        Sha256Hash root = PublishedVectors.root(8);
        List<Sha256Hash> proof = PROOF_5_OF_8;
        var notInTree = InclusionProofFailure.Reason.INDEX_NOT_IN_TREE;
        var wrongSize = InclusionProofFailure.Reason.WRONG_PROOF_SIZE;
        var mismatch = InclusionProofFailure.Reason.ROOT_MISMATCH;
        return Stream.of(
                argumentSet("index - 1", new InclusionClaim(leaf, 4, 8, proof, root), mismatch),
                argumentSet("index + 1", new InclusionClaim(leaf, 6, 8, proof, root), mismatch),
                argumentSet("index ^ 2", new InclusionClaim(leaf, 7, 8, proof, root), mismatch),
                argumentSet("tree size * 2", new InclusionClaim(leaf, 5, 16, proof, root), wrongSize),
                argumentSet("tree size / 2", new InclusionClaim(leaf, 5, 4, proof, root), notInTree),
                argumentSet("tree size 0", new InclusionClaim(leaf, 0, 0, List.of(), EMPTY), notInTree),
                argumentSet("wrong leaf", new InclusionClaim(leafHash(4), 5, 8, proof, root), mismatch),
                argumentSet("empty tree's root", new InclusionClaim(leaf, 5, 8, proof, EMPTY), mismatch),
                argumentSet("some other root", new InclusionClaim(leaf, 5, 8, proof, SOME_HASH), mismatch),
                argumentSet(
                        "trailing hash", new InclusionClaim(leaf, 5, 8, with(proof, 3, EMPTY, false), root), wrongSize),
                argumentSet(
                        "trailing root", new InclusionClaim(leaf, 5, 8, with(proof, 3, root, false), root), wrongSize),
                argumentSet(
                        "preceding hash",
                        new InclusionClaim(leaf, 5, 8, with(proof, 0, EMPTY, false), root),
                        wrongSize),
                argumentSet(
                        "preceding root", new InclusionClaim(leaf, 5, 8, with(proof, 0, root, false), root), wrongSize),
                argumentSet(
                        "proof[0] bit flipped",
                        new InclusionClaim(leaf, 5, 8, with(proof, 0, flipBit(proof.get(0)), true), root),
                        mismatch),
                argumentSet(
                        "proof[1] bit flipped",
                        new InclusionClaim(leaf, 5, 8, with(proof, 1, flipBit(proof.get(1)), true), root),
                        mismatch),
                argumentSet(
                        "proof[2] bit flipped",
                        new InclusionClaim(leaf, 5, 8, with(proof, 2, flipBit(proof.get(2)), true), root),
                        mismatch),
                argumentSet("last hash removed", new InclusionClaim(leaf, 5, 8, proof.subList(0, 2), root), wrongSize),
                argumentSet(
                        "hash inserted",
                        new InclusionClaim(leaf, 5, 8, with(proof, 1, SOME_HASH, false), root),
                        wrongSize));
    }

    @ParameterizedTest
    @MethodSource("corruptedInclusionClaims")
    void aCorruptedInclusionClaimIsRefusedWithItsEvidence(InclusionClaim claim, InclusionProofFailure.Reason reason) {
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(
                        claim.leafHash(), claim.index(), claim.treeSize(), claim.proof(), claim.root()))
                .isInstanceOfSatisfying(InclusionProofFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(reason);
                    assertThat(failure.index()).isEqualTo(claim.index());
                    assertThat(failure.treeSize()).isEqualTo(claim.treeSize());
                    assertThat(failure.leafHash()).isEqualTo(claim.leafHash());
                    assertThat(failure.expectedRoot()).isEqualTo(claim.root());
                    assertThat(failure.proof()).isEqualTo(claim.proof());
                    assertThat(failure.computedRoot().isPresent())
                            .isEqualTo(reason == InclusionProofFailure.Reason.ROOT_MISMATCH);
                });
    }

    @Test
    void aChangedLeafIsReportedWithTheRootItsProofLeadsTo() {
        List<byte[]> rewritten = new ArrayList<>(PublishedVectors.LEAVES);
        rewritten.set(5, new byte[] {0x40, 0x41, 0x42, 0x44});

        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(
                        MerkleTree.leafHash(rewritten.get(5)), 5, 8, PROOF_5_OF_8, PublishedVectors.root(8)))
                .isInstanceOfSatisfying(InclusionProofFailure.class, failure -> {
                    assertThat(failure.computedRoot().orElseThrow().hex())
                            .isEqualTo(ReferenceMerkleTree.rootHash(rewritten));
                    assertThat(failure.getMessage()).contains("index 5", "tree size 8", PublishedVectors.ROOTS.get(8));
                });
    }

    @Test
    void aLeafAloneIsItsOwnRootWithAnEmptyProof() {
        Sha256Hash leaf = MerkleTree.leafHash("data".getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> ProofVerifier.verifyInclusion(leaf, 0, 1, List.of(), leaf))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, 0, 1, List.of(), EMPTY))
                .isInstanceOf(InclusionProofFailure.class);
    }

    /** A claim that one tree extends another. */
    record ConsistencyClaim(
            long smaller, Sha256Hash smallerRoot, long larger, Sha256Hash largerRoot, List<Sha256Hash> proof) {}

    private static final Sha256Hash ROOT_1 = PublishedVectors.root(1);
    private static final Sha256Hash ROOT_2 = PublishedVectors.root(2);

    static Stream<Arguments> claimsThatNeedNoProof() {
        return Stream.of(
                argumentSet("empty to empty", new ConsistencyClaim(0, EMPTY, 0, EMPTY, List.of())),
                argumentSet("empty to one leaf", new ConsistencyClaim(0, EMPTY, 1, ROOT_1, List.of())),
                argumentSet("one leaf to itself", new ConsistencyClaim(1, ROOT_1, 1, ROOT_1, List.of())));
    }

    @ParameterizedTest
    @MethodSource("claimsThatNeedNoProof")
    void theEmptyTreeAndEqualTreesAreConsistentWithoutProof(ConsistencyClaim claim) {
        assertThatCode(() -> verify(claim)).doesNotThrowAnyException();
    }

    static Stream<Arguments> impossibleConsistencyClaims() {
        return Stream.of(
                argumentSet(
                        "back in time from 1 to 0",
                        new ConsistencyClaim(1, ROOT_1, 0, EMPTY, List.of()),
                        Reason.SIZES_OUT_OF_ORDER),
                argumentSet(
                        "back in time from 2 to 1",
                        new ConsistencyClaim(2, ROOT_2, 1, ROOT_1, List.of()),
                        Reason.SIZES_OUT_OF_ORDER),
                argumentSet(
                        "a negative size",
                        new ConsistencyClaim(-1, EMPTY, 1, ROOT_1, List.of()),
                        Reason.SIZES_OUT_OF_ORDER),
                argumentSet(
                        "no proof from 1 to 2",
                        new ConsistencyClaim(1, ROOT_1, 2, ROOT_2, List.of()),
                        Reason.WRONG_PROOF_SIZE),
                argumentSet(
                        "a fork: one size, two roots",
                        new ConsistencyClaim(1, ROOT_1, 1, ROOT_2, List.of()),
                        Reason.ROOT_MISMATCH),
                argumentSet(
                        "an empty tree with a root other than the empty root",
                        new ConsistencyClaim(0, ROOT_1, 1, ROOT_1, List.of()),
                        Reason.ROOT_MISMATCH),
                argumentSet(
                        "two empty trees with another root",
                        new ConsistencyClaim(0, EMPTY, 0, ROOT_1, List.of()),
                        Reason.ROOT_MISMATCH),
                argumentSet(
                        "a proof between equal sizes",
                        new ConsistencyClaim(1, ROOT_1, 1, ROOT_1, List.of(EMPTY)),
                        Reason.WRONG_PROOF_SIZE),
                argumentSet(
                        "a proof from the empty tree",
                        new ConsistencyClaim(0, EMPTY, 1, ROOT_1, List.of(EMPTY)),
                        Reason.WRONG_PROOF_SIZE),
                argumentSet(
                        "a proof between empty trees",
                        new ConsistencyClaim(0, EMPTY, 0, EMPTY, List.of(EMPTY)),
                        Reason.WRONG_PROOF_SIZE));
    }

    @ParameterizedTest
    @MethodSource("impossibleConsistencyClaims")
    void anImpossibleConsistencyClaimIsRefused(ConsistencyClaim claim, Reason reason) {
        assertThatThrownBy(() -> verify(claim))
                .isInstanceOfSatisfying(
                        ConsistencyProofFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(reason));
    }

    static Stream<Arguments> corruptedConsistencyClaims() {
        Sha256Hash root6 = PublishedVectors.root(6);
        Sha256Hash root8 = PublishedVectors.root(8);
        List<Sha256Hash> proof = PublishedVectors.hashes(
                PublishedVectors.CONSISTENCY_PROOFS.get(2).proof());
        return Stream.of(
                argumentSet("smaller - 1", new ConsistencyClaim(5, root6, 8, root8, proof)),
                argumentSet("smaller + 1", new ConsistencyClaim(7, root6, 8, root8, proof)),
                argumentSet("smaller ^ 2", new ConsistencyClaim(4, root6, 8, root8, proof)),
                argumentSet("larger * 2", new ConsistencyClaim(6, root6, 16, root8, proof)),
                argumentSet("larger / 2", new ConsistencyClaim(6, root6, 4, root8, proof)),
                argumentSet("wrong smaller root", new ConsistencyClaim(6, SOME_HASH, 8, root8, proof)),
                argumentSet("wrong larger root", new ConsistencyClaim(6, root6, 8, SOME_HASH, proof)),
                argumentSet("roots swapped", new ConsistencyClaim(6, root8, 8, root6, proof)),
                argumentSet("empty proof", new ConsistencyClaim(6, root6, 8, root8, List.of())),
                argumentSet("trailing hash", new ConsistencyClaim(6, root6, 8, root8, with(proof, 3, EMPTY, false))),
                argumentSet(
                        "trailing smaller root",
                        new ConsistencyClaim(6, root6, 8, root8, with(proof, 3, root6, false))),
                argumentSet(
                        "trailing larger root", new ConsistencyClaim(6, root6, 8, root8, with(proof, 3, root8, false))),
                argumentSet("preceding hash", new ConsistencyClaim(6, root6, 8, root8, with(proof, 0, EMPTY, false))),
                argumentSet(
                        "preceding smaller root",
                        new ConsistencyClaim(6, root6, 8, root8, with(proof, 0, root6, false))),
                argumentSet(
                        "preceding larger root",
                        new ConsistencyClaim(6, root6, 8, root8, with(proof, 0, root8, false))),
                argumentSet(
                        "preceding proof[0]",
                        new ConsistencyClaim(6, root6, 8, root8, with(proof, 0, proof.get(0), false))),
                argumentSet("truncated proof", new ConsistencyClaim(6, root6, 8, root8, proof.subList(0, 2))),
                argumentSet(
                        "proof[0] bit flipped",
                        new ConsistencyClaim(6, root6, 8, root8, with(proof, 0, flipBit(proof.get(0)), true))),
                argumentSet(
                        "proof[1] bit flipped",
                        new ConsistencyClaim(6, root6, 8, root8, with(proof, 1, flipBit(proof.get(1)), true))),
                argumentSet(
                        "proof[2] bit flipped",
                        new ConsistencyClaim(6, root6, 8, root8, with(proof, 2, flipBit(proof.get(2)), true))));
    }

    @ParameterizedTest
    @MethodSource("corruptedConsistencyClaims")
    void aCorruptedConsistencyClaimIsRefusedNamingBothTreeHeads(ConsistencyClaim claim) {
        assertThatThrownBy(() -> verify(claim)).isInstanceOfSatisfying(ConsistencyProofFailure.class, failure -> {
            assertThat(failure.smaller()).isEqualTo(claim.smaller());
            assertThat(failure.smallerRoot()).isEqualTo(claim.smallerRoot());
            assertThat(failure.larger()).isEqualTo(claim.larger());
            assertThat(failure.largerRoot()).isEqualTo(claim.largerRoot());
            assertThat(failure.proof()).isEqualTo(claim.proof());
            assertThat(failure.computedLargerRoot().isPresent()).isEqualTo(failure.reason() == Reason.ROOT_MISMATCH);
        });
    }

    @Test
    void aForkIsReportedWithBothRoots() {
        Sha256Hash forked = flipBit(PublishedVectors.root(8));

        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(8, PublishedVectors.root(8), 8, forked, List.of()))
                .isInstanceOfSatisfying(ConsistencyProofFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.ROOT_MISMATCH);
                    assertThat(failure.smallerRoot()).isEqualTo(PublishedVectors.root(8));
                    assertThat(failure.largerRoot()).isEqualTo(forked);
                    assertThat(failure.getMessage()).contains("tree size 8", forked.hex());
                });
    }

    private static void verify(ConsistencyClaim claim) {
        ProofVerifier.verifyConsistency(
                claim.smaller(), claim.smallerRoot(), claim.larger(), claim.largerRoot(), claim.proof());
    }
}
