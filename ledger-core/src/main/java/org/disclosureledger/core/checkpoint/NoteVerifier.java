package org.disclosureledger.core.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.List;
import java.util.Objects;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * Checks signed notes against one pinned Ed25519 public key, as a watchdog does with the ledger's checkpoints: a note
 * is accepted only when a signature line by that key (name and key id) verifies over the note text. Signatures by
 * other keys, such as witnesses' cosignatures, are ignored, as C2SP signed-note requires.
 */
public final class NoteVerifier {

    private final String keyName;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey key;

    private NoteVerifier(String keyName, int keyId, byte[] publicKey, String field) {
        this.keyName = keyName;
        this.keyId = keyId;
        this.publicKey = publicKey.clone();
        try {
            this.key = Ed25519.publicKey(this.publicKey);
        } catch (InvalidKeySpecException e) {
            throw new InvalidValue(field, field + " is not an Ed25519 public key");
        }
    }

    /**
     * A verifier from the key text the ledger publishes, {@code <name>+<8 hex key id>+<base64(0x01 || 32-byte public
     * key)>}. The key id must be that of the name and key.
     */
    public static NoteVerifier fromVerifierKey(String verifierKey) {
        Objects.requireNonNull(verifierKey, "verifierKey");
        KeyText text = KeyText.parse("verifierKey", verifierKey);
        if (Ed25519.keyId(text.keyName(), text.key()) != text.keyId()) {
            throw new InvalidValue("verifierKey", "verifierKey's key id is not that of its name and key");
        }
        return new NoteVerifier(text.keyName(), text.keyId(), text.key(), "verifierKey");
    }

    /** A verifier for the key named {@code keyName} with the 32-byte Ed25519 {@code publicKey}. */
    public static NoteVerifier of(String keyName, byte[] publicKey) {
        if (!NoteText.isValidKeyName(keyName)) {
            throw new InvalidValue("keyName", "a key name is non-empty, without spaces or plus signs");
        }
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.length != Ed25519.KEY_LENGTH) {
            throw new InvalidValue(
                    "publicKey", "an Ed25519 public key is " + Ed25519.KEY_LENGTH + " bytes, not " + publicKey.length);
        }
        return new NoteVerifier(keyName, Ed25519.keyId(keyName, publicKey), publicKey, "publicKey");
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return keyId;
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The pinned key's text: {@code <name>+<8 hex key id>+<base64(0x01 || public key)>}. */
    public String verifierKey() {
        return KeyText.format(keyName, keyId, publicKey);
    }

    /**
     * The text of a note signed by the pinned key.
     *
     * @throws NoteFailure when the note is not a well-formed signed note
     * @throws SignatureFailure when no signature line is by the pinned key, or one that is does not verify
     */
    public String verifyText(String signedNote) {
        Objects.requireNonNull(signedNote, "signedNote");
        SignedNote note = SignedNote.parse(signedNote);
        NoteSignature pinned = new NoteSignature(keyName, keyId);
        byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (SignedNote.Line line : note.signatures()) {
            if (line.keyName().equals(keyName) && line.keyId() == keyId) {
                if (!Ed25519.verify(key, text, line.signature())) {
                    throw new SignatureFailure(SignatureFailure.Reason.INVALID_SIGNATURE, pinned, claimed(note));
                }
                verified = true;
            }
        }
        if (!verified) {
            throw new SignatureFailure(SignatureFailure.Reason.NOT_SIGNED_BY_KEY, pinned, claimed(note));
        }
        return note.text();
    }

    /**
     * The checkpoint a note signed by the pinned key carries. The signature is checked before the text is read. The
     * caller compares the checkpoint's origin with the log it follows, or uses {@link #verifyCheckpoint(String,
     * String)}.
     *
     * @throws NoteFailure when the note or its checkpoint text is not well formed
     * @throws SignatureFailure when the note is not signed by the pinned key
     */
    public Checkpoint verifyCheckpoint(String signedNote) {
        return Checkpoint.parse(verifyText(signedNote));
    }

    /**
     * The checkpoint a note signed by the pinned key carries, which must be for the log named {@code origin}.
     *
     * @throws NoteFailure when the note or its checkpoint text is not well formed, or the checkpoint is for another
     *     origin ({@link NoteFailure.Reason#UNEXPECTED_ORIGIN})
     * @throws SignatureFailure when the note is not signed by the pinned key
     */
    public Checkpoint verifyCheckpoint(String signedNote, String origin) {
        Objects.requireNonNull(origin, "origin");
        Checkpoint checkpoint = verifyCheckpoint(signedNote);
        if (!checkpoint.origin().equals(origin)) {
            throw new NoteFailure(
                    NoteFailure.Reason.UNEXPECTED_ORIGIN,
                    1,
                    checkpoint.origin(),
                    "the checkpoint is for origin '" + checkpoint.origin() + "', not '" + origin + "'");
        }
        return checkpoint;
    }

    private static List<NoteSignature> claimed(SignedNote note) {
        return note.signatures().stream().map(SignedNote.Line::claimedKey).toList();
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + verifierKey() + "]";
    }
}
