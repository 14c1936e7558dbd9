package org.disclosureledger.core.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle Tree Hash, audit path and consistency proof of RFC 9162 sections 2.1.1, 2.1.3.1 and 2.1.4.1, written the
 * way the RFC states them, over the leaf data itself, and sharing no code with {@link MerkleFrontier}, {@link
 * MerkleHash} or {@link MerkleTree}: the reference those are checked against. Public because the disclosure tests
 * check a sealed manifest's root against it too.
 */
public final class ReferenceMerkleTree {

    private ReferenceMerkleTree() {}

    /** MTH(D[n]) as lower-case hex. */
    public static String rootHash(List<byte[]> leaves) {
        return HexFormat.of().formatHex(mth(leaves));
    }

    /** PATH(m, D[n]) as lower-case hex, nearest the leaf first. */
    public static List<String> inclusionProof(List<byte[]> leaves, int m) {
        return path(m, leaves).stream().map(HexFormat.of()::formatHex).toList();
    }

    /** PROOF(m, D[n]) as lower-case hex; empty for m = 0 and m = n, which have nothing to prove. */
    public static List<String> consistencyProof(List<byte[]> leaves, int m) {
        if (m == 0 || m == leaves.size()) {
            return List.of();
        }
        return subproof(m, leaves, true).stream().map(HexFormat.of()::formatHex).toList();
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> path = new ArrayList<>();
        if (n <= 1) {
            return path;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path.addAll(path(m, d.subList(0, k)));
            path.add(mth(d.subList(k, n)));
        } else {
            path.addAll(path(m - k, d.subList(k, n)));
            path.add(mth(d.subList(0, k)));
        }
        return path;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(d));
            }
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            proof.addAll(subproof(m, d.subList(0, k), b));
            proof.add(mth(d.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, d.subList(k, n), false));
            proof.add(mth(d.subList(0, k)));
        }
        return proof;
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
