package org.disclosureledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.disclosureledger.projections.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The remembered tokens, with real RS256 tokens from a development issuer checked by a real Nimbus decoder: a token is
 * checked once and then found by its text, but stops working when it expires or a validator refuses it, is checked
 * again after {@link VerifiedTokens#KEPT_FOR}, and never lets another token in.
 */
class VerifiedTokensTest {

    private static final String AUDIENCE = "disclosure-ledger";

    private final MutableClock clock = new MutableClock(Instant.now());
    private final DevIssuer issuer = new DevIssuer(AUDIENCE, clock);
    private final DevIssuer stranger = new DevIssuer(AUDIENCE, clock);
    private final AtomicInteger signatureChecks = new AtomicInteger();
    /** Subjects whose tokens a validator refuses: as a revocation list an operator might add would. */
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    private VerifiedTokens tokens(int capacity) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(AUDIENCE)),
                jwt -> revoked.contains(jwt.getSubject())
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
                        : OAuth2TokenValidatorResult.success()));
        NimbusJwtDecoder nimbus =
                NimbusJwtDecoder.withPublicKey(issuer.publicKey()).build();
        nimbus.setJwtValidator(validator);
        JwtDecoder counted = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokens(counted, validator, clock, capacity);
    }

    private String token(DevIssuer by, String subject) {
        return by.mint(subject, Map.of("roles", List.of("recorder")));
    }

    @Test
    void aTokenIsCheckedOnceAndThenFoundByItsText() {
        VerifiedTokens tokens = tokens(10);
        String token = token(issuer, "system-a");

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again.getSubject()).isEqualTo("system-a");
        assertThat(again.getClaims()).isEqualTo(first.getClaims());
        assertThat(signatureChecks).hasValue(1);
        assertThat(tokens.remembered()).isEqualTo(1);
    }

    @Test
    void anEnrolleesTokenIsCheckedEveryTimeAndNeverRemembered() {
        VerifiedTokens tokens = tokens(10);
        String token = issuer.mint(
                "enrollee-1", Map.of("roles", List.of("enrollee"), "medicaid_state", "CA", "medicaid_id", "CA0001"));

        tokens.decode(token);
        assertThat(tokens.decode(token).getClaimAsString("medicaid_id")).isEqualTo("CA0001");

        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aTokenIsRememberedUntilItsExpiryAndThenLeftToTheDecoder() {
        VerifiedTokens tokens = tokens(10);
        String token = token(issuer, "system-a");
        Duration lifetime = DevIssuer.LIFETIME;

        // Checked two minutes before it expires, remembered until then.
        clock.advance(lifetime.minusMinutes(2));
        tokens.decode(token);
        clock.advance(Duration.ofMinutes(1));
        tokens.decode(token);
        assertThat(signatureChecks).hasValue(1);

        // Past its expiry, within the validator's minute of skew: the decoder checks it again, and it is not
        // remembered.
        clock.advance(Duration.ofSeconds(90));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("system-a");
        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.remembered()).isZero();

        // Past the skew as well: refused.
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aRememberedTokenIsRefusedOnceAValidatorRefusesIt() {
        VerifiedTokens tokens = tokens(10);
        String token = token(issuer, "system-a");
        tokens.decode(token);

        revoked.add("system-a");

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("revoked");
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aTokenIsCheckedAgainOnceItWasRememberedForFiveMinutes() {
        VerifiedTokens tokens = tokens(10);
        String token = token(issuer, "system-a");
        tokens.decode(token);

        clock.advance(VerifiedTokens.KEPT_FOR.minusSeconds(1));
        tokens.decode(token);
        assertThat(signatureChecks).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        tokens.decode(token);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNotRemembered() {
        VerifiedTokens tokens = tokens(10);
        String forged = token(stranger, "system-a");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        }

        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aTokenThatDiffersFromARememberedOneIsCheckedAndRefused() {
        VerifiedTokens tokens = tokens(10);
        String token = token(issuer, "system-a");
        tokens.decode(token);
        // The same header and claims with one of the signature's characters changed (not its last, whose low bits
        // the signature does not use).
        int at = token.length() - 10;
        String altered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

        assertThatThrownBy(() -> tokens.decode(altered)).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void whenFullNewTokensAreCheckedEveryTimeUntilRememberedOnesAge() {
        VerifiedTokens tokens = tokens(2);
        tokens.decode(token(issuer, "system-a"));
        tokens.decode(token(issuer, "system-b"));
        String third = token(issuer, "system-c");

        tokens.decode(third);
        tokens.decode(third);
        assertThat(signatureChecks).hasValue(4);
        assertThat(tokens.remembered()).isEqualTo(2);

        clock.advance(VerifiedTokens.KEPT_FOR);
        tokens.decode(third);
        tokens.decode(third);
        assertThat(signatureChecks).hasValue(5);
        assertThat(tokens.remembered()).isEqualTo(1);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> tokens(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be at least 1, not 0");
    }
}
