package org.disclosureledger.core.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The two hash functions of an RFC 9162 Merkle tree over SHA-256. */
public final class MerkleHash {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {}

    /** SHA-256(0x00 || data). */
    public static byte[] leaf(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(data);
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
