package org.disclosureledger.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The test identity provider: an RSA key whose public half the test application trusts (as production trusts its
 * identity provider's), minting tokens for each kind of caller, and the bad tokens a test needs (expired, signed with
 * another key, for another audience or issuer).
 */
public final class TestTokens {

    public static final String ISSUER = "https://idp.test.example";
    public static final String AUDIENCE = "disclosure-ledger";

    /** The claims of the recorder for California whose tokens the refusal cases vary. */
    private static final Map<String, Object> RECORDER_CA =
            Map.of("roles", List.of("recorder"), "states", List.of("CA"));

    private static final KeyPair KEYS = newKeys();
    private static final KeyPair STRANGER = newKeys();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {}

    /** Where the test application reads the identity provider's public key (PEM). */
    public static Path publicKeyFile() {
        return PUBLIC_KEY;
    }

    /** A disclosing system recording for these custodian states. */
    public static String recorder(String... states) {
        return token(
                "recorder-" + String.join("-", states).toLowerCase(),
                Map.of("roles", List.of("recorder"), "states", List.of(states)));
    }

    /** A state auditor whose scope is these states. */
    public static String auditor(String... states) {
        return token(
                "auditor-" + String.join("-", states).toLowerCase() + "@example.gov",
                Map.of("roles", List.of("auditor"), "states", List.of(states)));
    }

    /** The enrollee with this state and Medicaid id. */
    public static String enrollee(String state, String medicaidId) {
        return token(
                "enrollee-" + UUID.randomUUID(),
                Map.of("roles", List.of("enrollee"), "medicaid_state", state, "medicaid_id", medicaidId));
    }

    public static String regulator() {
        return token("regulator@example.gov", Map.of("roles", List.of("regulator")));
    }

    public static String admin() {
        return token("admin@example.gov", Map.of("roles", List.of("admin")));
    }

    /** A token for a subject with these claims, valid for an hour, from the trusted issuer for this ledger. */
    public static String token(String subject, Map<String, Object> claims) {
        return sign(KEYS, subject, claims, ISSUER, AUDIENCE, inAnHour(), null);
    }

    /** A recorder's token that expired five minutes ago, beyond the validator's minute of clock skew. */
    public static String expired() {
        return recorderCa(KEYS, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(5)), null);
    }

    /** A recorder's token signed with a key the ledger does not trust. */
    public static String forged() {
        return recorderCa(STRANGER, ISSUER, AUDIENCE, inAnHour(), null);
    }

    /** A recorder's token meant for another service. */
    public static String wrongAudience() {
        return recorderCa(KEYS, ISSUER, "another-service", inAnHour(), null);
    }

    /** A recorder's token from another issuer (signed with the trusted key, so only the issuer is wrong). */
    public static String wrongIssuer() {
        return recorderCa(KEYS, "https://elsewhere.example", AUDIENCE, inAnHour(), null);
    }

    /** A recorder's token whose header names this type ({@code typ}), signed with the trusted key. */
    public static String ofType(String type) {
        return recorderCa(KEYS, ISSUER, AUDIENCE, inAnHour(), new JOSEObjectType(type));
    }

    /** The California recorder's token, with one thing at a time made wrong by the refusal cases; no type if null. */
    private static String recorderCa(
            KeyPair keys, String issuer, String audience, Instant expiry, JOSEObjectType type) {
        return sign(keys, "recorder-ca", RECORDER_CA, issuer, audience, expiry, type);
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private static String sign(
            KeyPair keys,
            String subject,
            Map<String, Object> claims,
            String issuer,
            String audience,
            Instant expiry,
            JOSEObjectType type) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(expiry.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expiry));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).build(), set.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("test-idp-", ".pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes())
                            .encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
