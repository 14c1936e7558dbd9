package org.disclosureledger.core.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Objects;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * Signs the ledger's checkpoints as C2SP signed notes with an Ed25519 key, the way Go's {@code sumdb/note} does, so a
 * watchdog holding the matching {@link #verifierKey()} can check them. Made from a signer key text or a 32-byte seed;
 * generating the seed is the caller's job. Signing is deterministic: the same text and key give the same note.
 */
public final class NoteSigner {

    private static final String SIGNER_KEY_PREFIX = "PRIVATE+KEY+";

    private final String keyName;
    private final int keyId;
    private final byte[] seed;
    private final byte[] publicKey;
    private final PrivateKey privateKey;

    private NoteSigner(String keyName, byte[] seed) {
        this.keyName = keyName;
        this.seed = seed.clone();
        this.publicKey = Ed25519.publicKeyOf(this.seed);
        this.keyId = Ed25519.keyId(keyName, publicKey);
        this.privateKey = Ed25519.privateKey(this.seed);
    }

    /**
     * A signer for the key named {@code keyName} whose Ed25519 private key is the 32-byte {@code seed} (RFC 8032).
     */
    public static NoteSigner fromSeed(String keyName, byte[] seed) {
        if (!NoteText.isValidKeyName(keyName)) {
            throw new InvalidValue("keyName", "a key name is non-empty, without spaces or plus signs");
        }
        Objects.requireNonNull(seed, "seed");
        if (seed.length != Ed25519.KEY_LENGTH) {
            throw new InvalidValue("seed", "an Ed25519 seed is " + Ed25519.KEY_LENGTH + " bytes, not " + seed.length);
        }
        return new NoteSigner(keyName, seed);
    }

    /**
     * A signer from its key text, {@code PRIVATE+KEY+<name>+<8 hex key id>+<base64(0x01 || 32-byte seed)>}, as Go's
     * {@code note.GenerateKey} writes it. The key id must be that of the key's public half.
     */
    public static NoteSigner fromSignerKey(String signerKey) {
        Objects.requireNonNull(signerKey, "signerKey");
        if (!signerKey.startsWith(SIGNER_KEY_PREFIX)) {
            throw new InvalidValue("signerKey", "a signer key starts with " + SIGNER_KEY_PREFIX);
        }
        KeyText text = KeyText.parse("signerKey", signerKey.substring(SIGNER_KEY_PREFIX.length()));
        NoteSigner signer = new NoteSigner(text.keyName(), text.key());
        if (signer.keyId != text.keyId()) {
            throw new InvalidValue("signerKey", "signerKey's key id is not that of its key");
        }
        return signer;
    }

    public String keyName() {
        return keyName;
    }

    /** SHA-256(key name || 0x0A || 0x01 || public key)[:4], big-endian. */
    public int keyId() {
        return keyId;
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The text to publish for watchdogs to pin: {@code <name>+<8 hex key id>+<base64(0x01 || public key)>}. */
    public String verifierKey() {
        return KeyText.format(keyName, keyId, publicKey);
    }

    /** The secret key text this signer can be made again from. Keep it like a password. */
    public String signerKey() {
        return SIGNER_KEY_PREFIX + KeyText.format(keyName, keyId, seed);
    }

    /** The verifier for this signer's public key. */
    public NoteVerifier verifier() {
        return NoteVerifier.of(keyName, publicKey);
    }

    /**
     * The signed note of {@code text}: the text, a blank line, and the signature line {@code — <key name>
     * <base64(key id || Ed25519 signature over the text's UTF-8 bytes)>}.
     *
     * @param text one or more lines, each ending with a newline, without other control characters
     */
    public String sign(String text) {
        Objects.requireNonNull(text, "text");
        NoteText.Problem unprintable = NoteText.unprintable(text);
        if (unprintable != null) {
            throw new InvalidValue("text", unprintable.message());
        }
        if (!text.endsWith("\n")) {
            throw new InvalidValue("text", "a note's text ends with a newline");
        }
        byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        byte[] line = ByteBuffer.allocate(4 + signature.length)
                .putInt(keyId)
                .put(signature)
                .array();
        return text + "\n\u2014 " + keyName + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /** The signed note of the checkpoint's text. */
    public String sign(Checkpoint checkpoint) {
        return sign(checkpoint.format());
    }

    /** Names the public key only: a signer never prints its secret. */
    @Override
    public String toString() {
        return "NoteSigner[" + verifierKey() + "]";
    }
}
