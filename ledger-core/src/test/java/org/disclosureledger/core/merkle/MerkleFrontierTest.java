package org.disclosureledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compact frontier gives the RFC 9162 root of the tree its leaves build, whatever the chunks they came in.
 *
 * <p>The vectors are Certificate Transparency's reference test data (certificate-transparency
 * {@code cpp/merkletree/merkle_tree_test.cc}, also {@code testonly/constants.go} in transparency-dev/merkle): eight
 * leaf inputs and the root after each. {@link ReferenceMerkleTree} checks them from the RFC's definition too, so a
 * mistyped constant cannot pass unnoticed.
 */
class MerkleFrontierTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> CT_LEAVES = Stream.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(HEX::parseHex)
            .toList();

    static Stream<Arguments> publishedRoots() {
        return Stream.of(
                argumentSet("empty tree", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                argumentSet("1 leaf", 1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
                argumentSet("2 leaves", 2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
                argumentSet("3 leaves", 3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
                argumentSet("4 leaves", 4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
                argumentSet("5 leaves", 5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
                argumentSet("6 leaves", 6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
                argumentSet("7 leaves", 7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
                argumentSet("8 leaves", 8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
    }

    @ParameterizedTest
    @MethodSource("publishedRoots")
    void thePublishedRootAgreesWithTheRfcDefinition(int treeSize, String root) {
        assertThat(ReferenceMerkleTree.rootHash(CT_LEAVES.subList(0, treeSize))).isEqualTo(root);
    }

    @ParameterizedTest
    @MethodSource("publishedRoots")
    void leavesAppendedTogetherGiveThePublishedRoot(int treeSize, String root) {
        MerkleFrontier frontier = MerkleFrontier.empty().append(CT_LEAVES.subList(0, treeSize));

        assertThat(frontier.rootHash()).isEqualTo(root);
        assertThat(frontier.treeSize()).isEqualTo(treeSize);
    }

    @ParameterizedTest
    @MethodSource("publishedRoots")
    void leavesAppendedOneByOneGiveThePublishedRoot(int treeSize, String root) {
        MerkleFrontier frontier = MerkleFrontier.empty();
        for (byte[] leaf : CT_LEAVES.subList(0, treeSize)) {
            frontier = frontier.append(List.of(leaf));
        }

        assertThat(frontier.rootHash()).isEqualTo(root);
    }

    @Test
    void theLeafAndNodeHashesArePrefixedAsTheRfcSays() {
        assertThat(HEX.formatHex(MerkleHash.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HEX.formatHex(MerkleHash.node(MerkleHash.leaf(CT_LEAVES.get(0)), MerkleHash.leaf(CT_LEAVES.get(1)))))
                .isEqualTo("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(HEX.formatHex(MerkleHash.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    static Stream<Arguments> treeSizes() {
        return IntStream.rangeClosed(0, 300).mapToObj(n -> argumentSet(n + " leaves", n));
    }

    /** Leaves of random lengths, appended in random chunks; the seed is the tree size, so a failure replays. */
    @ParameterizedTest
    @MethodSource("treeSizes")
    void leavesAppendedInRandomChunksGiveTheRootOfTheRfcDefinition(int treeSize) {
        Random random = new Random(treeSize);
        List<byte[]> leaves = IntStream.range(0, treeSize)
                .mapToObj(i -> randomBytes(random, random.nextInt(48)))
                .toList();

        MerkleFrontier frontier = MerkleFrontier.empty();
        int appended = 0;
        while (appended < treeSize) {
            int chunk = 1 + random.nextInt(Math.min(treeSize - appended, 40));
            frontier = frontier.append(leaves.subList(appended, appended + chunk));
            appended += chunk;
        }

        assertThat(frontier.treeSize()).isEqualTo(treeSize);
        assertThat(frontier.peaks()).hasSize(Integer.bitCount(treeSize));
        assertThat(frontier.rootHash()).isEqualTo(ReferenceMerkleTree.rootHash(leaves));
    }

    @Test
    void thePeaksAreTheRootsOfThePerfectSubtreesLargestFirst() {
        List<byte[]> leaves = leaves(13);

        MerkleFrontier frontier = MerkleFrontier.empty().append(leaves);

        assertThat(frontier.peaks())
                .containsExactly(
                        ReferenceMerkleTree.rootHash(leaves.subList(0, 8)),
                        ReferenceMerkleTree.rootHash(leaves.subList(8, 12)),
                        ReferenceMerkleTree.rootHash(leaves.subList(12, 13)));
    }

    @Test
    void aFrontierRebuiltFromItsSizeAndPeaksContinuesTheSameTree() {
        List<byte[]> leaves = leaves(21);
        MerkleFrontier first = MerkleFrontier.empty().append(leaves.subList(0, 11));

        MerkleFrontier rebuilt = new MerkleFrontier(first.treeSize(), new ArrayList<>(first.peaks()));

        assertThat(rebuilt.append(leaves.subList(11, 21)).rootHash()).isEqualTo(ReferenceMerkleTree.rootHash(leaves));
    }

    @Test
    void appendingNothingChangesNothing() {
        MerkleFrontier frontier = MerkleFrontier.empty().append(leaves(5));

        assertThat(frontier.append(List.of())).isEqualTo(frontier);
    }

    static Stream<Arguments> impossibleFrontiers() {
        String peak = ReferenceMerkleTree.rootHash(List.of(new byte[0]));
        return Stream.of(
                argumentSet("negative size", -1L, List.of(), "treeSize"),
                argumentSet("size 3 with one peak", 3L, List.of(peak), "peaks"),
                argumentSet("empty with a peak", 0L, List.of(peak), "peaks"),
                argumentSet("size 4 with two peaks", 4L, List.of(peak, peak), "peaks"));
    }

    @ParameterizedTest
    @MethodSource("impossibleFrontiers")
    void aFrontierWhosePeaksDoNotFitItsSizeIsRefused(long treeSize, List<String> peaks, String field) {
        assertThatThrownBy(() -> new MerkleFrontier(treeSize, peaks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field);
    }

    @Test
    void aNegativeSizeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new MerkleFrontier(-1, List.of()))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("treeSize"));
    }

    private static List<byte[]> leaves(int count) {
        Random random = new Random(count);
        return IntStream.range(0, count).mapToObj(i -> randomBytes(random, 32)).toList();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
