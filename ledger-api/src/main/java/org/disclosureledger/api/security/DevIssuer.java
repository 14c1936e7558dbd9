package org.disclosureledger.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The development issuer: a signing key made at start-up and kept in memory only, minting tokens for whatever example
 * user is asked for. It exists so that the embedded default runs the README's examples with one command; anyone who
 * can reach the port can mint any role with it, so it never runs beside an identity provider or, unless asked for, on
 * an external database ({@link IdentityProvider}).
 */
public final class DevIssuer {

    /** The {@code iss} of every development token. */
    public static final String ISSUER = "urn:disclosure-ledger:dev-issuer";

    static final Duration LIFETIME = Duration.ofHours(1);

    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();
    private final String audience;
    private final Clock clock;

    DevIssuer(String audience, Clock clock) {
        this.audience = audience;
        this.clock = clock;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no RSA key generator", e);
        }
    }

    RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** A signed token for a subject with these further claims (roles, states, Medicaid state and id). */
    String mint(String subject, Map<String, Object> claims) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), set.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("the development issuer could not sign a token", e);
        }
        return jwt.serialize();
    }
}
