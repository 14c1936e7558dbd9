package org.disclosureledger.watchdog.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.disclosureledger.watchdog.WatchdogCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code verify-bundle} against a bundle built with the core's Merkle and note code: the untouched bundle verifies;
 * each kind of tampering is rejected (exit 1) with its own reason; input that is not a bundle gets one line and
 * exit 2.
 */
class VerifyBundleTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void givenAnUntouchedBundle_whenVerified_thenValidWithASummary() throws IOException {
        int code = verify(BundleFixture.zip(BundleFixture.files()), BundleFixture.SIGNER.verifierKey());

        assertThat(code).as(out + " " + err).isZero();
        assertThat(out.toString())
                .contains("bundle valid: checkpoint ledger.test/disclosures tree size 6")
                .contains("2 disclosures, 4 ledger entries proven")
                .contains("rulebooks: test-rulebook 2025.1");
        assertThat(err.toString()).isEmpty();
    }

    static Stream<Arguments> tampering() {
        return Stream.of(
                Arguments.of(
                        "one byte of an event envelope",
                        change(files -> flip(files, "entries/3.leaf", -3)),
                        "ENTRY_NOT_INCLUDED entry 3"),
                Arguments.of(
                        "one byte of an inclusion proof",
                        change(files -> flip(files, "entries/2.proof", 0)),
                        "ENTRY_NOT_INCLUDED entry 2"),
                Arguments.of(
                        "one byte of the report",
                        change(files -> flip(files, "report.json", 40)),
                        "REPORT_DIGEST_MISMATCH report.json"),
                Arguments.of(
                        "one byte of the checkpoint's root",
                        change(files -> flip(files, "checkpoint.note", ledgerLineEnd(files) + 3)),
                        "CHECKPOINT_SIGNATURE_INVALID checkpoint.note"),
                Arguments.of(
                        "one byte of the rulebook",
                        change(files -> flip(files, "rulebooks/2025.1.json", 2)),
                        "RULEBOOK_MISMATCH rulebooks/2025.1.json"),
                Arguments.of(
                        "a re-hashed report with other details",
                        (Function<Void, Map<String, byte[]>>) v -> BundleFixture.withForgedReport("\"SSN\"", "\"SEX\""),
                        "DISCLOSURE_MISMATCH disclosure d-1: the report's details are not those its envelopes show"),
                Arguments.of(
                        "a re-hashed report hiding a correction",
                        (Function<Void, Map<String, byte[]>>)
                                v -> BundleFixture.withForgedReport("\"corrections\":1", "\"corrections\":0"),
                        "DISCLOSURE_MISMATCH disclosure d-1: the report counts 0 corrections, the envelopes 1"),
                Arguments.of(
                        "a re-hashed report with fewer subjects",
                        (Function<Void, Map<String, byte[]>>)
                                v -> BundleFixture.withForgedReport("\"subjectCount\":2", "\"subjectCount\":1"),
                        "DISCLOSURE_MISMATCH disclosure d-1: the report counts 1 subjects, the envelopes 2"),
                Arguments.of(
                        "an envelope removed",
                        change(files -> files.remove("entries/2.leaf")),
                        "ENTRY_MISSING entry 2"),
                Arguments.of(
                        "an envelope of another entry swapped in",
                        change(files -> files.put("entries/2.leaf", files.get("entries/1.leaf"))),
                        "ENTRY_NOT_INCLUDED entry 2"),
                Arguments.of(
                        "a re-hashed report listing the correction before the recording, with the first details",
                        (Function<Void, Map<String, byte[]>>) v -> BundleFixture.withForgedReport(
                                ",\"SSN\"]", "]", ENTRIES_OF_D1, ENTRIES_OF_D1_REORDERED),
                        "DISCLOSURE_MISMATCH entry 1: the report lists it for d-1 after entry 3"),
                Arguments.of(
                        "a re-hashed report listing the correction twice",
                        (Function<Void, Map<String, byte[]>>) v -> BundleFixture.withForgedReport(
                                "\"corrections\":1", "\"corrections\":2", ENTRIES_OF_D1, ENTRIES_OF_D1_REPEATED),
                        "DISCLOSURE_MISMATCH entry 3: the report lists it for d-1 after entry 3"),
                Arguments.of(
                        "a re-hashed report and bundle leaving out the correction between two entries",
                        change(files -> {
                            files.putAll(BundleFixture.withForgedReport(
                                    ",\"SSN\"]",
                                    "]",
                                    "\"corrections\":1",
                                    "\"corrections\":0",
                                    ENTRIES_OF_D1,
                                    ENTRIES_OF_D1_WITHOUT_CORRECTION));
                            files.remove("entries/3.leaf");
                            files.remove("entries/3.proof");
                        }),
                        "DISCLOSURE_MISMATCH entry 4: its envelope is event 2 of d-1, but the report's entries before"
                                + " it make it event 1"),
                Arguments.of(
                        "an altered envelope under the entry's name, the genuine one under a name with a leading zero",
                        change(files -> {
                            files.put("entries/03.leaf", files.get("entries/3.leaf"));
                            flip(files, "entries/3.leaf", -3);
                        }),
                        "UNEXPECTED_FILE entries/03.leaf"),
                Arguments.of(
                        "an entry named with more digits than a ledger index has",
                        change(files -> files.put("entries/99999999999999999999.leaf", new byte[0])),
                        "UNEXPECTED_FILE entries/99999999999999999999.leaf"));
    }

    private static final String ENTRIES_OF_D1 = "[{\"ledgerIndex\":1,\"type\":\"DisclosureRecorded\"},"
            + "{\"ledgerIndex\":3,\"type\":\"DisclosureCorrected\"},{\"ledgerIndex\":4,\"type\":\"DisclosureDisputed\"}]";
    private static final String ENTRIES_OF_D1_REORDERED = "[{\"ledgerIndex\":3,\"type\":\"DisclosureCorrected\"},"
            + "{\"ledgerIndex\":1,\"type\":\"DisclosureRecorded\"},{\"ledgerIndex\":4,\"type\":\"DisclosureDisputed\"}]";
    private static final String ENTRIES_OF_D1_REPEATED = "[{\"ledgerIndex\":1,\"type\":\"DisclosureRecorded\"},"
            + "{\"ledgerIndex\":3,\"type\":\"DisclosureCorrected\"},{\"ledgerIndex\":3,\"type\":\"DisclosureCorrected\"},"
            + "{\"ledgerIndex\":4,\"type\":\"DisclosureDisputed\"}]";
    private static final String ENTRIES_OF_D1_WITHOUT_CORRECTION =
            "[{\"ledgerIndex\":1,\"type\":\"DisclosureRecorded\"},"
                    + "{\"ledgerIndex\":4,\"type\":\"DisclosureDisputed\"}]";

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampering")
    void givenATamperedBundle_whenVerified_thenRejectedWithTheReason(
            String tampering, Function<Void, Map<String, byte[]>> bundle, String reason) throws IOException {
        int code = verify(BundleFixture.zip(bundle.apply(null)), BundleFixture.SIGNER.verifierKey());

        assertThat(code).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains(reason).contains("bundle INVALID");
    }

    @Test
    void givenAnotherLedgersKey_whenVerified_thenTheCheckpointIsRejected() throws IOException {
        int code = verify(BundleFixture.zip(BundleFixture.files()), BundleFixture.OTHER_SIGNER.verifierKey());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("CHECKPOINT_SIGNATURE_INVALID checkpoint.note");
    }

    @Test
    void givenAFileThatIsNotAZip_whenVerified_thenOneLineAndExit2() throws IOException {
        int code = verify("not a zip".getBytes(StandardCharsets.UTF_8), BundleFixture.SIGNER.verifierKey());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: ").doesNotContain("\n");
        assertThat(err.toString()).contains("not an evidence bundle");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void givenABundleWithoutItsReport_whenVerified_thenOneLineAndExit2() throws IOException {
        Map<String, byte[]> files = BundleFixture.files();
        files.remove("report.json");

        int code = verify(BundleFixture.zip(files), BundleFixture.SIGNER.verifierKey());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("it has no report.json");
    }

    @Test
    void givenAKeyFileWithoutAKey_whenVerified_thenOneLineAndExit2() throws IOException {
        int code = verify(BundleFixture.zip(BundleFixture.files()), "not a key");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("does not hold a verifier key");
    }

    @Test
    void givenNoPublicKeyOption_whenRun_thenUsageErrorExit2() {
        int code = WatchdogCommand.run(
                new String[] {"verify-bundle", dir.resolve("b.zip").toString()},
                new PrintWriter(out),
                new PrintWriter(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--public-key=FILE'");
    }

    private int verify(byte[] bundle, String key) throws IOException {
        Path bundleFile = Files.write(dir.resolve("bundle.zip"), bundle);
        Path keyFile = Files.writeString(dir.resolve("ledger.pub"), key + "\n");
        return WatchdogCommand.run(
                new String[] {"verify-bundle", "--public-key", keyFile.toString(), bundleFile.toString()},
                new PrintWriter(out),
                new PrintWriter(err));
    }

    private static Function<Void, Map<String, byte[]>> change(java.util.function.Consumer<Map<String, byte[]>> edit) {
        return v -> {
            Map<String, byte[]> files = BundleFixture.files();
            edit.accept(files);
            return files;
        };
    }

    /** Flips the low bit of the byte at {@code at} (negative: from the end). */
    private static void flip(Map<String, byte[]> files, String name, int at) {
        byte[] bytes = files.get(name).clone();
        int i = at < 0 ? bytes.length + at : at;
        bytes[i] ^= 1;
        files.put(name, bytes);
    }

    /** Where the checkpoint's tree-size line ends: the root hash line follows. */
    private static int ledgerLineEnd(Map<String, byte[]> files) {
        String note = new String(files.get("checkpoint.note"), StandardCharsets.UTF_8);
        int originEnd = note.indexOf('\n');
        return note.indexOf('\n', originEnd + 1);
    }
}
