package org.disclosureledger.core.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle Tree Hash of RFC 9162 section 2.1.1, written the way the RFC states it and sharing no code with
 * {@link MerkleFrontier} or {@link MerkleHash}: the reference the compact frontier is checked against. Public because
 * the disclosure tests check a sealed manifest's root against it too.
 */
public final class ReferenceMerkleTree {

    private ReferenceMerkleTree() {}

    /** MTH(D[n]) as lower-case hex. */
    public static String rootHash(List<byte[]> leaves) {
        return HexFormat.of().formatHex(mth(leaves));
    }

    private static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return sha256(new byte[] {0x00}, d.get(0));
        }
        int k = Integer.highestOneBit(n - 1);
        return sha256(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
