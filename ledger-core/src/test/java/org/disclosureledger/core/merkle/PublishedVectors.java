package org.disclosureledger.core.merkle;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The published RFC 6962 reference tree of Certificate Transparency: eight leaf inputs, the root after each, and known
 * inclusion and consistency proofs. Copied from certificate-transparency {@code cpp/merkletree/merkle_tree_test.cc}
 * ({@code kInputs}, {@code kSHA256Roots}, {@code kSHA256Paths}, {@code kSHA256Proofs}; its leaf numbers start at 1,
 * here indexes start at 0), and from transparency-dev/merkle {@code testonly/constants.go}, {@code
 * testonly/reference_test.go} and {@code proof/verify_test.go}, which repeat them and add a few.
 */
final class PublishedVectors {

    private PublishedVectors() {}

    static final List<byte[]> LEAVES = Stream.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(HexFormat.of()::parseHex)
            .toList();

    /** ROOTS.get(n) is the root of the tree of the first n leaves. */
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** A published inclusion proof: leaf {@code index} in the tree of {@code treeSize} leaves. */
    record Inclusion(String source, long index, long treeSize, List<String> proof) {

        @Override
        public String toString() {
            return "leaf " + index + " of " + treeSize + " (" + source + ")";
        }
    }

    /** A published consistency proof from {@code smaller} to {@code larger} leaves. */
    record Consistency(String source, long smaller, long larger, List<String> proof) {

        @Override
        public String toString() {
            return smaller + " to " + larger + " leaves (" + source + ")";
        }
    }

    private static final String CT = "merkle_tree_test.cc";
    private static final String TD_REFERENCE = "transparency-dev reference_test.go";
    private static final String TD_VERIFY = "transparency-dev verify_test.go";

    static final List<Inclusion> INCLUSION_PROOFS = List.of(
            new Inclusion(CT, 0, 1, List.of()),
            new Inclusion(
                    CT,
                    0,
                    8,
                    List.of(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(
                    CT,
                    5,
                    8,
                    List.of(
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(CT, 2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(
                    CT,
                    1,
                    5,
                    List.of(
                            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Inclusion(
                    TD_REFERENCE, 0, 2, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7")),
            new Inclusion(
                    TD_REFERENCE, 1, 2, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")));

    static final List<Consistency> CONSISTENCY_PROOFS = List.of(
            new Consistency(CT, 1, 1, List.of()),
            new Consistency(
                    CT,
                    1,
                    8,
                    List.of(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(
                    CT,
                    6,
                    8,
                    List.of(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(
                    CT,
                    2,
                    5,
                    List.of(
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(
                    TD_VERIFY,
                    6,
                    7,
                    List.of(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    /** The in-memory tree holding the eight reference leaves. */
    static InMemoryMerkleNodes referenceTree() {
        InMemoryMerkleNodes nodes = new InMemoryMerkleNodes();
        LEAVES.forEach(nodes::append);
        return nodes;
    }

    static Sha256Hash root(long treeSize) {
        return Sha256Hash.fromHex(ROOTS.get((int) treeSize));
    }

    static List<Sha256Hash> hashes(List<String> hex) {
        return hex.stream().map(Sha256Hash::fromHex).toList();
    }

    static List<String> hex(List<Sha256Hash> hashes) {
        return hashes.stream().map(Sha256Hash::hex).toList();
    }
}
