package org.disclosureledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-memory tree keeps every complete node of the reference tree, as transparency-dev/merkle {@code
 * testonly/constants.go} ({@code NodeHashes}) publishes them, and no incomplete one.
 */
class InMemoryMerkleNodesTest {

    static Stream<Arguments> publishedNodeHashes() {
        return Stream.of(
                argumentSet("leaf 0", 0, 0L, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
                argumentSet("leaf 1", 0, 1L, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                argumentSet("leaf 2", 0, 2L, "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7"),
                argumentSet("leaf 3", 0, 3L, "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7"),
                argumentSet("leaf 4", 0, 4L, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                argumentSet("leaf 5", 0, 5L, "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658"),
                argumentSet("leaf 6", 0, 6L, "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
                argumentSet("leaf 7", 0, 7L, "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
                argumentSet("level 1, 0", 1, 0L, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
                argumentSet("level 1, 1", 1, 1L, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                argumentSet("level 1, 2", 1, 2L, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                argumentSet("level 1, 3", 1, 3L, "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                argumentSet("level 2, 0", 2, 0L, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
                argumentSet("level 2, 1", 2, 1L, "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
                argumentSet("level 3, 0", 3, 0L, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
    }

    @ParameterizedTest
    @MethodSource("publishedNodeHashes")
    void everyCompleteNodeIsThePublishedOne(int level, long index, String hash) {
        assertThat(PublishedVectors.referenceTree().node(level, index).hex()).isEqualTo(hash);
    }

    @Test
    void appendingReturnsEachLeafsIndex() {
        InMemoryMerkleNodes nodes = new InMemoryMerkleNodes();

        assertThat(nodes.append(new byte[0])).isZero();
        assertThat(nodes.appendLeafHash(MerkleTree.leafHash(new byte[] {0}))).isEqualTo(1);
        assertThat(nodes.treeSize()).isEqualTo(2);
    }

    static Stream<Arguments> incompleteNodes() {
        return Stream.of(
                argumentSet("the parent of the last leaf of 7", 1, 3L),
                argumentSet("a leaf not yet appended", 0, 7L),
                argumentSet("the root of 8 leaves before the eighth", 3, 0L),
                argumentSet("a negative index", 0, -1L));
    }

    @ParameterizedTest
    @MethodSource("incompleteNodes")
    void aNodeNotYetCompleteIsNotThere(int level, long index) {
        InMemoryMerkleNodes nodes = new InMemoryMerkleNodes();
        PublishedVectors.LEAVES.subList(0, 7).forEach(nodes::append);

        assertThatThrownBy(() -> nodes.node(level, index))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level " + level + ", index " + index);
    }
}
