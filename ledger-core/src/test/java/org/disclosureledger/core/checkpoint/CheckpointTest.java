package org.disclosureledger.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.stream.Stream;
import org.disclosureledger.core.checkpoint.NoteFailure.Reason;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checkpoints read and write the C2SP tlog-checkpoint text exactly, and refuse any other text saying where. */
class CheckpointTest {

    /** The example body of c2sp.org/tlog-checkpoint. */
    private static final String C2SP_EXAMPLE =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    @Test
    void theC2spExampleReadsAsItsThreeParts() {
        Checkpoint checkpoint = Checkpoint.parse(C2SP_EXAMPLE);

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.treeSize()).isEqualTo(20852163L);
        assertThat(checkpoint.rootHash()).isEqualTo(Sha256Hash.fromBase64(ROOT));
        assertThat(checkpoint.extensionLines()).isEmpty();
    }

    @Test
    void aCheckpointIsWrittenBackExactlyAsItWasRead() {
        String withExtensions = C2SP_EXAMPLE + "extension one\n\u00e9xtension two\n";

        assertThat(Checkpoint.parse(C2SP_EXAMPLE).format()).isEqualTo(C2SP_EXAMPLE);
        assertThat(Checkpoint.parse(withExtensions).format()).isEqualTo(withExtensions);
        assertThat(Checkpoint.parse(withExtensions).extensionLines())
                .containsExactly("extension one", "\u00e9xtension two");
    }

    @Test
    void theEmptyTreeIsSizeZero() {
        Checkpoint empty = new Checkpoint(
                "ledger.example/disclosures",
                0,
                Sha256Hash.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

        assertThat(empty.format())
                .isEqualTo("ledger.example/disclosures\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThat(Checkpoint.parse(empty.format())).isEqualTo(empty);
    }

    static Stream<Arguments> malformedCheckpoints() {
        return Stream.of(
                argumentSet("empty text", "", Reason.MISSING_FINAL_NEWLINE, 1),
                argumentSet("no final newline", "o\n1\n" + ROOT, Reason.MISSING_FINAL_NEWLINE, 3),
                argumentSet("two lines", "o\n1\n", Reason.MISSING_LINES, 0),
                argumentSet("empty origin", "\n1\n" + ROOT + "\n", Reason.EMPTY_ORIGIN, 1),
                argumentSet("tree size with a leading zero", "o\n01\n" + ROOT + "\n", Reason.MALFORMED_TREE_SIZE, 2),
                argumentSet("negative tree size", "o\n-1\n" + ROOT + "\n", Reason.MALFORMED_TREE_SIZE, 2),
                argumentSet("tree size with a plus sign", "o\n+1\n" + ROOT + "\n", Reason.MALFORMED_TREE_SIZE, 2),
                argumentSet("tree size with a space", "o\n 1\n" + ROOT + "\n", Reason.MALFORMED_TREE_SIZE, 2),
                argumentSet("tree size in hex", "o\n0x10\n" + ROOT + "\n", Reason.MALFORMED_TREE_SIZE, 2),
                argumentSet("empty tree size", "o\n\n" + ROOT + "\n", Reason.MALFORMED_TREE_SIZE, 2),
                argumentSet(
                        "tree size of 2^63", "o\n9223372036854775808\n" + ROOT + "\n", Reason.MALFORMED_TREE_SIZE, 2),
                argumentSet("root hash in hex", "o\n1\n" + "ab".repeat(32) + "\n", Reason.MALFORMED_ROOT_HASH, 3),
                argumentSet(
                        "root hash of 31 bytes",
                        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n",
                        Reason.MALFORMED_ROOT_HASH,
                        3),
                argumentSet(
                        "root hash without padding",
                        "o\n1\n" + ROOT.replace("=", "") + "\n",
                        Reason.MALFORMED_ROOT_HASH,
                        3),
                argumentSet(
                        "root hash in url-safe base64",
                        "o\n1\n" + ROOT.replace('/', '_') + "\n",
                        Reason.MALFORMED_ROOT_HASH,
                        3),
                argumentSet(
                        "root hash with padding bits set",
                        "o\n1\n" + ROOT.replace("2I=", "2J=") + "\n",
                        Reason.MALFORMED_ROOT_HASH,
                        3),
                argumentSet("empty extension line", "o\n1\n" + ROOT + "\n\n", Reason.EMPTY_EXTENSION_LINE, 4),
                argumentSet("windows line ends", "o\r\n1\r\n" + ROOT + "\r\n", Reason.CONTROL_CHARACTER, 1),
                argumentSet("a tab in the origin", "o\tp\n1\n" + ROOT + "\n", Reason.CONTROL_CHARACTER, 1),
                argumentSet("half a surrogate pair", "o\n1\n" + ROOT + "\n\ud800\n", Reason.INVALID_UNICODE, 4));
    }

    @ParameterizedTest
    @MethodSource("malformedCheckpoints")
    void aMalformedCheckpointIsRefusedNamingTheRuleAndTheLine(String text, Reason reason, int line) {
        assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOfSatisfying(NoteFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(reason);
            assertThat(failure.line()).isEqualTo(line);
        });
    }

    @Test
    void aMalformedLineIsQuotedInTheFailure() {
        assertThatThrownBy(() -> Checkpoint.parse("o\n0012\n" + ROOT + "\n"))
                .isInstanceOfSatisfying(NoteFailure.class, failure -> {
                    assertThat(failure.content()).isEqualTo("0012");
                    assertThat(failure.getMessage()).contains("line 2", "'0012'");
                });
    }

    static Stream<Arguments> impossibleCheckpoints() {
        return Stream.of(
                argumentSet("empty origin", "", 1L, List.of(), "origin"),
                argumentSet("origin of two lines", "a\nb", 1L, List.of(), "origin"),
                argumentSet("negative tree size", "o", -1L, List.of(), "treeSize"),
                argumentSet("empty extension line", "o", 1L, List.of(""), "extensionLines"),
                argumentSet("extension line of two lines", "o", 1L, List.of("a\nb"), "extensionLines"));
    }

    @ParameterizedTest
    @MethodSource("impossibleCheckpoints")
    void aCheckpointThatCannotBeWrittenIsRefusedNamingTheField(
            String origin, long treeSize, List<String> extensionLines, String field) {
        Sha256Hash rootHash = Sha256Hash.fromBase64(ROOT);

        assertThatThrownBy(() -> new Checkpoint(origin, treeSize, rootHash, extensionLines))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
