package org.disclosureledger.core.merkle;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * A SHA-256 digest as the ledger's proofs and checkpoints exchange it: a leaf hash, a node hash or a root hash. The
 * bytes are copied in and out, so a hash handed to a proof or a failure can never change afterwards.
 *
 * @param bytes the 32 bytes of the digest
 */
public record Sha256Hash(byte[] bytes) {

    /** The length of a SHA-256 digest in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    public Sha256Hash {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new InvalidValue("hash", "a SHA-256 hash is " + LENGTH + " bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** A copy of the 32 bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes without copying, for the hashing inside this package. */
    byte[] raw() {
        return bytes;
    }

    /** The hash written as 64 hex digits (either case). */
    public static Sha256Hash fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 2 * LENGTH) {
            throw new InvalidValue("hash", "a SHA-256 hash is " + 2 * LENGTH + " hex digits, not " + hex.length());
        }
        try {
            return new Sha256Hash(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("hash", "a SHA-256 hash in hex contains only the digits 0-9 and a-f");
        }
    }

    /**
     * The hash written in standard base64 (RFC 4648 section 4) with padding, as checkpoints write root hashes. Only
     * the one canonical spelling of the 32 bytes is accepted.
     */
    public static Sha256Hash fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("hash", "a SHA-256 hash in base64 is not valid standard base64");
        }
        if (decoded.length != LENGTH
                || !Base64.getEncoder().encodeToString(decoded).equals(base64)) {
            throw new InvalidValue("hash", "a SHA-256 hash in base64 is 44 characters of canonical standard base64");
        }
        return new Sha256Hash(decoded);
    }

    /** Lower-case hex, 64 digits. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** Standard base64 with padding, 44 characters. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sha256Hash that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The lower-case hex, so that failures and logs show the hash itself. */
    @Override
    public String toString() {
        return hex();
    }
}
