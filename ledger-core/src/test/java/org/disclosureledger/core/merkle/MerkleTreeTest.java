package org.disclosureledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Roots and proofs of the RFC 9162 tree, read from stored perfect subtrees, give the published Certificate
 * Transparency answers ({@link PublishedVectors}) and read only the nodes transparency-dev/merkle's proof planner names
 * ({@code proof/proof_test.go}).
 */
class MerkleTreeTest {

    private final MerkleTree tree = new MerkleTree(PublishedVectors.referenceTree());

    static Stream<Arguments> publishedRoots() {
        return IntStream.range(0, PublishedVectors.ROOTS.size())
                .mapToObj(n -> argumentSet(n + " leaves", n, PublishedVectors.ROOTS.get(n)));
    }

    @ParameterizedTest
    @MethodSource("publishedRoots")
    void theRootOfEverySizeIsThePublishedRoot(int treeSize, String root) {
        assertThat(tree.rootHash(treeSize).hex())
                .isEqualTo(root)
                .isEqualTo(ReferenceMerkleTree.rootHash(PublishedVectors.LEAVES.subList(0, treeSize)));
    }

    static Stream<Arguments> publishedInclusionProofs() {
        return PublishedVectors.INCLUSION_PROOFS.stream().map(v -> argumentSet(v.toString(), v));
    }

    @ParameterizedTest
    @MethodSource("publishedInclusionProofs")
    void theInclusionProofIsThePublishedOne(PublishedVectors.Inclusion published) {
        List<Sha256Hash> proof = tree.inclusionProof(published.index(), published.treeSize());

        assertThat(PublishedVectors.hex(proof))
                .isEqualTo(published.proof())
                .isEqualTo(ReferenceMerkleTree.inclusionProof(
                        PublishedVectors.LEAVES.subList(0, (int) published.treeSize()), (int) published.index()));
    }

    static Stream<Arguments> publishedConsistencyProofs() {
        return PublishedVectors.CONSISTENCY_PROOFS.stream().map(v -> argumentSet(v.toString(), v));
    }

    @ParameterizedTest
    @MethodSource("publishedConsistencyProofs")
    void theConsistencyProofIsThePublishedOne(PublishedVectors.Consistency published) {
        List<Sha256Hash> proof = tree.consistencyProof(published.smaller(), published.larger());

        assertThat(PublishedVectors.hex(proof))
                .isEqualTo(published.proof())
                .isEqualTo(ReferenceMerkleTree.consistencyProof(
                        PublishedVectors.LEAVES.subList(0, (int) published.larger()), (int) published.smaller()));
    }

    private static NodeId id(int level, long index) {
        return new NodeId(level, index);
    }

    /** transparency-dev/merkle proof/proof_test.go TestInclusion: the nodes each proof is made of. */
    static Stream<Arguments> nodesOfInclusionProofs() {
        return Stream.of(
                argumentSet("leaf 0 of 7: b h j i", 0L, 7L, List.of(id(0, 1), id(1, 1), id(0, 6), id(1, 2))),
                argumentSet("leaf 3 of 7: c g j i", 3L, 7L, List.of(id(0, 2), id(1, 0), id(0, 6), id(1, 2))),
                argumentSet("leaf 4 of 7: f j k", 4L, 7L, List.of(id(0, 5), id(0, 6), id(2, 0))),
                argumentSet("leaf 6 of 7: i k", 6L, 7L, List.of(id(1, 2), id(2, 0))),
                argumentSet("leaf 3 of 5: c g e", 3L, 5L, List.of(id(0, 2), id(1, 0), id(0, 4))),
                argumentSet("leaf 4 of 6: f k", 4L, 6L, List.of(id(0, 5), id(2, 0))),
                argumentSet("leaf 10 of 15", 10L, 15L, List.of(id(0, 11), id(1, 4), id(0, 14), id(1, 6), id(3, 0))),
                argumentSet(
                        "leaf 24 of 31",
                        24L,
                        31L,
                        List.of(id(0, 25), id(1, 13), id(0, 30), id(1, 14), id(3, 2), id(4, 0))),
                argumentSet(
                        "leaf 81 of 95",
                        81L,
                        95L,
                        List.of(id(0, 80), id(1, 41), id(2, 21), id(0, 94), id(1, 46), id(2, 22), id(4, 4), id(6, 0))));
    }

    @ParameterizedTest
    @MethodSource("nodesOfInclusionProofs")
    void anInclusionProofReadsOnlyTheNodesItIsMadeOfInOneCall(long index, long treeSize, List<NodeId> nodes) {
        RecordingNodes stored = RecordingNodes.withLeaves(100);

        new MerkleTree(stored).inclusionProof(index, treeSize);

        assertThat(stored.calls)
                .singleElement()
                .satisfies(call -> assertThat(call).containsExactlyInAnyOrderElementsOf(nodes));
    }

    /** transparency-dev/merkle proof/proof_test.go TestConsistency: the nodes each proof is made of. */
    static Stream<Arguments> nodesOfConsistencyProofs() {
        return Stream.of(
                argumentSet("1 to 2: b", 1L, 2L, List.of(id(0, 1))),
                argumentSet("1 to 6: b h i", 1L, 6L, List.of(id(0, 1), id(1, 1), id(1, 2))),
                argumentSet("2 to 8: h l", 2L, 8L, List.of(id(1, 1), id(2, 1))),
                argumentSet("3 to 7: c d g j i", 3L, 7L, List.of(id(0, 2), id(0, 3), id(1, 0), id(0, 6), id(1, 2))),
                argumentSet("4 to 7: j i", 4L, 7L, List.of(id(0, 6), id(1, 2))),
                argumentSet("5 to 7: e f j k", 5L, 7L, List.of(id(0, 4), id(0, 5), id(0, 6), id(2, 0))),
                argumentSet("6 to 7: i j k", 6L, 7L, List.of(id(1, 2), id(0, 6), id(2, 0))),
                argumentSet("7 to 8: j leaf 7 i k", 7L, 8L, List.of(id(0, 6), id(0, 7), id(1, 2), id(2, 0))),
                argumentSet("3 to 5: c d g e", 3L, 5L, List.of(id(0, 2), id(0, 3), id(1, 0), id(0, 4))),
                argumentSet("4 to 6: i", 4L, 6L, List.of(id(1, 2))),
                argumentSet("10 to 15", 10L, 15L, List.of(id(1, 4), id(1, 5), id(0, 14), id(1, 6), id(3, 0))),
                argumentSet("24 to 31", 24L, 31L, List.of(id(3, 2), id(0, 30), id(1, 14), id(2, 6), id(4, 0))),
                argumentSet(
                        "81 to 95",
                        81L,
                        95L,
                        List.of(
                                id(0, 80), id(0, 81), id(1, 41), id(2, 21), id(0, 94), id(1, 46), id(2, 22), id(4, 4),
                                id(6, 0))));
    }

    @ParameterizedTest
    @MethodSource("nodesOfConsistencyProofs")
    void aConsistencyProofReadsOnlyTheNodesItIsMadeOfInOneCall(long smaller, long larger, List<NodeId> nodes) {
        RecordingNodes stored = RecordingNodes.withLeaves(100);

        new MerkleTree(stored).consistencyProof(smaller, larger);

        assertThat(stored.calls)
                .singleElement()
                .satisfies(call -> assertThat(call).containsExactlyInAnyOrderElementsOf(nodes));
    }

    @Test
    void aRootReadsOneNodePerPerfectSubtree() {
        RecordingNodes stored = RecordingNodes.withLeaves(100);

        new MerkleTree(stored).rootHash(95);

        assertThat(stored.calls)
                .singleElement()
                .isEqualTo(List.of(id(6, 0), id(4, 4), id(3, 10), id(2, 22), id(1, 46), id(0, 94)));
    }

    @Test
    void proofsBetweenEqualSizesOrFromTheEmptyTreeAreEmptyAndReadNothing() {
        RecordingNodes stored = RecordingNodes.withLeaves(8);
        MerkleTree recorded = new MerkleTree(stored);

        assertThat(recorded.consistencyProof(0, 8)).isEmpty();
        assertThat(recorded.consistencyProof(5, 5)).isEmpty();
        assertThat(recorded.inclusionProof(0, 1)).isEmpty();
        assertThat(stored.calls).allSatisfy(call -> assertThat(call).isEmpty());
    }

    static Stream<Arguments> impossibleRequests() {
        Function<MerkleTree, Object> rootBeyondStore = t -> t.rootHash(9);
        Function<MerkleTree, Object> negativeRoot = t -> t.rootHash(-1);
        Function<MerkleTree, Object> indexAtSize = t -> t.inclusionProof(8, 8);
        Function<MerkleTree, Object> negativeIndex = t -> t.inclusionProof(-1, 8);
        Function<MerkleTree, Object> inclusionBeyondStore = t -> t.inclusionProof(0, 9);
        Function<MerkleTree, Object> sizesReversed = t -> t.consistencyProof(5, 4);
        Function<MerkleTree, Object> negativeSmaller = t -> t.consistencyProof(-1, 3);
        Function<MerkleTree, Object> consistencyBeyondStore = t -> t.consistencyProof(2, 9);
        return Stream.of(
                argumentSet("root of a size not yet stored", rootBeyondStore, "treeSize"),
                argumentSet("root of a negative size", negativeRoot, "treeSize"),
                argumentSet("inclusion of the index equal to the size", indexAtSize, "index"),
                argumentSet("inclusion of a negative index", negativeIndex, "index"),
                argumentSet("inclusion in a size not yet stored", inclusionBeyondStore, "treeSize"),
                argumentSet("consistency from a larger to a smaller size", sizesReversed, "smaller"),
                argumentSet("consistency from a negative size", negativeSmaller, "smaller"),
                argumentSet("consistency to a size not yet stored", consistencyBeyondStore, "larger"));
    }

    @ParameterizedTest
    @MethodSource("impossibleRequests")
    void aRequestNoProofCanAnswerIsRefusedNamingTheField(Function<MerkleTree, Object> request, String field) {
        assertThatThrownBy(() -> request.apply(tree))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    /** A node store that records every batch of nodes asked for. */
    private static final class RecordingNodes implements MerkleNodes {

        private final InMemoryMerkleNodes nodes = new InMemoryMerkleNodes();
        private final List<List<NodeId>> calls = new ArrayList<>();

        static RecordingNodes withLeaves(int count) {
            RecordingNodes recording = new RecordingNodes();
            for (int i = 0; i < count; i++) {
                recording.nodes.append(new byte[] {(byte) i});
            }
            return recording;
        }

        @Override
        public long treeSize() {
            return nodes.treeSize();
        }

        @Override
        public Sha256Hash node(int level, long index) {
            throw new AssertionError("nodes are read in batches");
        }

        @Override
        public List<Sha256Hash> nodes(List<NodeId> ids) {
            calls.add(List.copyOf(ids));
            return ids.stream().map(id -> nodes.node(id.level(), id.index())).toList();
        }
    }
}
