package org.disclosureledger.core.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The JDK's own Ed25519 (RFC 8032), between the raw 32-byte keys that note key texts carry and the JDK's key objects,
 * and the note key id.
 */
final class Ed25519 {

    /** The signed-note signature type byte of Ed25519. */
    static final byte SIGNATURE_TYPE = 0x01;

    static final int KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;

    /** The X.509 SubjectPublicKeyInfo of an Ed25519 key is this fixed prefix (RFC 8410) and the 32 key bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final String ALGORITHM = "Ed25519";

    private Ed25519() {}

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make an Ed25519 private key", e);
        }
    }

    /**
     * The public key of a seed. The JDK has no call that derives it, but its key pair generator draws the seed as 32
     * bytes from the random source it is given, so it is given the seed; the check below makes sure it took it.
     */
    static byte[] publicKeyOf(byte[] seed) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new GivenBytes(seed));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot derive an Ed25519 public key", e);
        }
        byte[] used = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(new byte[0]);
        if (!Arrays.equals(used, seed)) {
            throw new IllegalStateException("this JVM's Ed25519 key pair generator did not use the seed it was given");
        }
        byte[] encoded = pair.getPublic().getEncoded();
        if (encoded.length != X509_PREFIX.length + KEY_LENGTH
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalStateException("this JVM encodes Ed25519 public keys unexpectedly");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /** The JDK key for 32 raw public key bytes, or an exception when they are not an Ed25519 public key. */
    static PublicKey publicKey(byte[] raw) throws InvalidKeySpecException {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no Ed25519", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no Ed25519", e);
        }
    }

    /** SHA-256(key name || 0x0A || 0x01 || public key)[:4], big-endian: the C2SP signed-note key id. */
    static int keyId(String keyName, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(SIGNATURE_TYPE);
            sha.update(publicKey);
            return ByteBuffer.wrap(sha.digest()).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** A "random" source that hands out the seed it was made with, once, and nothing else. */
    private static final class GivenBytes extends SecureRandom {

        GivenBytes(byte[] seed) {
            super(new Spi(seed), null);
        }
    }

    private static final class Spi extends SecureRandomSpi {

        private final byte[] seed;
        private boolean used;

        Spi(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
            // The bytes handed out are fixed; there is nothing to reseed.
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 key pair generator asked for other bytes than the seed");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            used = true;
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new UnsupportedOperationException("this source only hands out the seed it was made with");
        }
    }
}
