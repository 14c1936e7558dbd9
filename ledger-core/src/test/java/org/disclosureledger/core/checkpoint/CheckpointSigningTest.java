package org.disclosureledger.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.Test;

/**
 * The ledger signs its checkpoints and a watchdog holding only the verifier key gets the same checkpoint back, or a
 * failure saying why not. Keys come from a seed the caller supplies.
 */
class CheckpointSigningTest {

    private static final String ORIGIN = "ledger.example/disclosures";
    private static final byte[] SEED =
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final Checkpoint CHECKPOINT = new Checkpoint(
            ORIGIN, 8, Sha256Hash.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    private final NoteSigner signer = NoteSigner.fromSeed(ORIGIN, SEED);
    private final NoteVerifier verifier = NoteVerifier.fromVerifierKey(signer.verifierKey());

    @Test
    void aSignedCheckpointVerifiesBackToTheSameCheckpoint() {
        String note = signer.sign(CHECKPOINT);

        assertThat(note).startsWith(CHECKPOINT.format() + "\n\u2014 " + ORIGIN + " ");
        assertThat(verifier.verifyCheckpoint(note)).isEqualTo(CHECKPOINT);
        assertThat(verifier.verifyCheckpoint(note, ORIGIN)).isEqualTo(CHECKPOINT);
    }

    @Test
    void signingIsDeterministic() {
        assertThat(signer.sign(CHECKPOINT))
                .isEqualTo(NoteSigner.fromSeed(ORIGIN, SEED).sign(CHECKPOINT))
                .isEqualTo(NoteSigner.fromSignerKey(signer.signerKey()).sign(CHECKPOINT));
    }

    @Test
    void theVerifierFromTheSignerOrFromItsKeyTextIsTheSame() {
        assertThat(signer.verifier().verifierKey()).isEqualTo(verifier.verifierKey());
        assertThat(NoteVerifier.of(ORIGIN, signer.publicKey()).verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(verifier.publicKey()).isEqualTo(signer.publicKey());
    }

    @Test
    void aCheckpointWithItsTreeSizeChangedAfterSigningIsRefused() {
        String forged = signer.sign(CHECKPOINT).replace("\n8\n", "\n9\n");

        assertThatThrownBy(() -> verifier.verifyCheckpoint(forged))
                .isInstanceOfSatisfying(
                        SignatureFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(SignatureFailure.Reason.INVALID_SIGNATURE));
    }

    @Test
    void aCheckpointWithoutSignatureIsRefused() {
        assertThatThrownBy(() -> verifier.verifyCheckpoint(CHECKPOINT.format()))
                .isInstanceOfSatisfying(
                        NoteFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(NoteFailure.Reason.NO_SIGNATURES));
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() {
        NoteSigner other = NoteSigner.fromSeed(ORIGIN, new byte[32]);

        assertThatThrownBy(() -> verifier.verifyCheckpoint(other.sign(CHECKPOINT)))
                .isInstanceOfSatisfying(SignatureFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(SignatureFailure.Reason.NOT_SIGNED_BY_KEY);
                    assertThat(failure.signatures()).containsExactly(new NoteSignature(ORIGIN, other.keyId()));
                });
    }

    @Test
    void aWellSignedMalformedCheckpointIsRefusedNamingTheLine() {
        String note = signer.sign(ORIGIN + "\n08\n" + CHECKPOINT.rootHash().base64() + "\n");

        assertThatThrownBy(() -> verifier.verifyCheckpoint(note)).isInstanceOfSatisfying(NoteFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(NoteFailure.Reason.MALFORMED_TREE_SIZE);
            assertThat(failure.line()).isEqualTo(2);
        });
    }

    @Test
    void aCheckpointOfAnotherLogIsRefusedWhenTheOriginIsPinned() {
        String note = signer.sign(new Checkpoint("other.example/log", 8, CHECKPOINT.rootHash()));

        assertThatThrownBy(() -> verifier.verifyCheckpoint(note, ORIGIN))
                .isInstanceOfSatisfying(NoteFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(NoteFailure.Reason.UNEXPECTED_ORIGIN);
                    assertThat(failure.content()).isEqualTo("other.example/log");
                });
    }

    @Test
    void textThatCannotBeANoteIsNotSigned() {
        assertThatThrownBy(() -> signer.sign("no final newline"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> signer.sign("carriage\r\nreturn\n"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("text"));
    }

    @Test
    void aSignerNeverPrintsItsSecret() {
        String secret = signer.signerKey().substring(signer.signerKey().lastIndexOf('+') + 1);

        assertThat(signer.toString()).doesNotContain(secret).contains(signer.verifierKey());
    }
}
