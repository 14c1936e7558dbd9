package org.disclosureledger.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.disclosureledger.core.checkpoint.NoteFailure.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signed notes as Go's {@code golang.org/x/mod/sumdb/note} writes and reads them: its documented example (package
 * documentation of {@code note.go}, and {@code TestSign} / {@code TestOpen} in {@code note_test.go}) signs to the same
 * bytes here and verifies here, and the notes it refuses are refused here, each with its own failure.
 */
class SignedNoteTest {

    static final String PETER_SIGNER_KEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH_VERIFIER_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIGNATURE =
            "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIGNATURE =
            "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
    static final String SIGNED_NOTE = TEXT + "\n" + PETER_SIGNATURE;

    private final NoteVerifier peter = NoteVerifier.fromVerifierKey(PETER_VERIFIER_KEY);
    private final NoteVerifier enoch = NoteVerifier.fromVerifierKey(ENOCH_VERIFIER_KEY);

    @Test
    void goExampleSignerKeyNamesItsKeyAndItsPublicHalf() {
        NoteSigner signer = NoteSigner.fromSignerKey(PETER_SIGNER_KEY);

        assertThat(signer.keyName()).isEqualTo("PeterNeumann");
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.verifierKey()).isEqualTo(PETER_VERIFIER_KEY);
        assertThat(signer.signerKey()).isEqualTo(PETER_SIGNER_KEY);
    }

    @Test
    void signingGoExampleTextGivesGoExampleNoteByteForByte() {
        assertThat(NoteSigner.fromSignerKey(PETER_SIGNER_KEY).sign(TEXT)).isEqualTo(SIGNED_NOTE);
    }

    @Test
    void goExampleNoteVerifiesAgainstThePinnedKey() {
        assertThat(peter.verifyText(SIGNED_NOTE)).isEqualTo(TEXT);
        assertThat(peter.keyName()).isEqualTo("PeterNeumann");
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(peter.verifierKey()).isEqualTo(PETER_VERIFIER_KEY);
    }

    @Test
    void aNoteSignedByTwoKeysVerifiesForEitherAndIgnoresTheOther() {
        String cosigned = TEXT + "\n" + PETER_SIGNATURE + ENOCH_SIGNATURE;

        assertThat(peter.verifyText(cosigned)).isEqualTo(TEXT);
        assertThat(enoch.verifyText(cosigned)).isEqualTo(TEXT);
    }

    @Test
    void repeatedAndBrokenSignaturesByOtherKeysAreIgnored() {
        String note = TEXT + "\n" + PETER_SIGNATURE + PETER_SIGNATURE + ENOCH_SIGNATURE + ENOCH_SIGNATURE
                + ENOCH_SIGNATURE.substring(0, 55) + "ABCD" + ENOCH_SIGNATURE.substring(55);

        assertThat(peter.verifyText(note)).isEqualTo(TEXT);
    }

    @Test
    void aChangedByteInTheTextBreaksTheSignature() {
        String changed = SIGNED_NOTE.replace("your problem,", "your Problem,");

        assertThatThrownBy(() -> peter.verifyText(changed)).isInstanceOfSatisfying(SignatureFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(SignatureFailure.Reason.INVALID_SIGNATURE);
            assertThat(failure.key()).hasToString("PeterNeumann+c74f20a3");
        });
    }

    /** Go's "invalid signature" case: four base64 characters inserted into the signature (at Go's byte offset 60). */
    @Test
    void aChangedSignatureIsRefused() {
        String changed = TEXT + "\n" + PETER_SIGNATURE.substring(0, 58) + "ABCD" + PETER_SIGNATURE.substring(58);

        assertThatThrownBy(() -> peter.verifyText(changed))
                .isInstanceOfSatisfying(
                        SignatureFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(SignatureFailure.Reason.INVALID_SIGNATURE));
    }

    @Test
    void aNoteSignedByAnotherKeyIsRefusedNamingTheKeysThatDidSign() {
        assertThatThrownBy(() -> enoch.verifyText(SIGNED_NOTE))
                .isInstanceOfSatisfying(SignatureFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(SignatureFailure.Reason.NOT_SIGNED_BY_KEY);
                    assertThat(failure.key()).isEqualTo(new NoteSignature("EnochRoot", 0xaf0cfe78));
                    assertThat(failure.signatures()).containsExactly(new NoteSignature("PeterNeumann", 0xc74f20a3));
                    assertThat(failure.getMessage()).contains("EnochRoot+af0cfe78", "PeterNeumann+c74f20a3");
                });
    }

    /** Only name and key id together identify a key: another key under the same name is not the pinned key. */
    @Test
    void aSignatureByAnotherKeyOfTheSameNameIsIgnored() {
        NoteVerifier impostor =
                NoteSigner.fromSeed("PeterNeumann", new byte[32]).verifier();

        assertThatThrownBy(() -> impostor.verifyText(SIGNED_NOTE))
                .isInstanceOfSatisfying(
                        SignatureFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(SignatureFailure.Reason.NOT_SIGNED_BY_KEY));
    }

    /** Go's TestOpen bad messages, and a few more; Go's invalid UTF-8 byte is half a surrogate pair in Java. */
    static Stream<Arguments> malformedNotes() {
        return Stream.of(
                argumentSet("text alone", TEXT, Reason.NO_SIGNATURES, 0),
                argumentSet("text and blank line, no signature", TEXT + "\n", Reason.NO_SIGNATURES, 0),
                argumentSet(
                        "signature without final newline",
                        TEXT + "\n" + PETER_SIGNATURE.strip(),
                        Reason.MISSING_FINAL_NEWLINE,
                        4),
                argumentSet("a control character", "\u0001" + SIGNED_NOTE, Reason.CONTROL_CHARACTER, 1),
                argumentSet("half a surrogate pair", "\ud800" + SIGNED_NOTE, Reason.INVALID_UNICODE, 1),
                argumentSet(
                        "key name with a space",
                        TEXT + "\n" + PETER_SIGNATURE.replace("PeterNeumann", "Bad Name"),
                        Reason.MALFORMED_SIGNATURE,
                        4),
                argumentSet(
                        "a line after the signatures",
                        SIGNED_NOTE + "Unexpected line.\n",
                        Reason.MALFORMED_SIGNATURE,
                        5),
                argumentSet(
                        "hyphen for em dash",
                        TEXT + "\n" + PETER_SIGNATURE.replace('\u2014', '-'),
                        Reason.MALFORMED_SIGNATURE,
                        4),
                argumentSet(
                        "signature shorter than a key id",
                        TEXT + "\n\u2014 PeterNeumann AAAA\n",
                        Reason.MALFORMED_SIGNATURE,
                        4),
                argumentSet(
                        "signature not in base64",
                        TEXT + "\n\u2014 PeterNeumann not*base64\n",
                        Reason.MALFORMED_SIGNATURE,
                        4),
                argumentSet("carriage returns", SIGNED_NOTE.replace("\n", "\r\n"), Reason.CONTROL_CHARACTER, 1),
                argumentSet(
                        "101 signatures", TEXT + "\n" + PETER_SIGNATURE.repeat(101), Reason.TOO_MANY_SIGNATURES, 0));
    }

    @ParameterizedTest
    @MethodSource("malformedNotes")
    void aMalformedNoteIsRefusedNamingTheRuleAndTheLine(String note, Reason reason, int line) {
        assertThatThrownBy(() -> peter.verifyText(note)).isInstanceOfSatisfying(NoteFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(reason);
            assertThat(failure.line()).isEqualTo(line);
        });
    }

    @Test
    void goExampleNoteIsWellSignedButNotACheckpoint() {
        assertThatThrownBy(() -> peter.verifyCheckpoint(SIGNED_NOTE))
                .isInstanceOfSatisfying(
                        NoteFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(Reason.MISSING_LINES));
    }
}
