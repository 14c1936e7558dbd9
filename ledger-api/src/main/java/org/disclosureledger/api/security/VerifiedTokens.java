package org.disclosureledger.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks a bearer token's signature once, not at every request: a disclosing system sends the same token with each of
 * its requests until it expires, and checking the RSA signature and parsing the token again took about an eighth of a
 * request thread's time in the ingest benchmark (scenario 1).
 *
 * <p>A token the decoder accepted is remembered by its exact text for at most {@link #KEPT_FOR} and never past its
 * expiry. Each later request with the same text runs the decoder's validators again (type, expiry, not-before,
 * audience, issuer), so a remembered token expires as it would without this; one that fails them is forgotten and
 * handed to the decoder, which refuses it with its own message. A token is found only by its whole
 * text, so no other token can match a remembered one. The time limit bounds how long a token signed with a key the
 * identity provider has since withdrawn from its key set still works after its last check (to which the decoder's own
 * five minutes of caching the key set add).
 *
 * <p>A token that carries an enrollee's Medicaid id ({@link TokenClaims#MEDICAID_ID}) is never remembered: the raw
 * identifier is pseudonymised as the token is read and kept nowhere, not in memory past the request either. Enrollees
 * send few requests; it is the disclosing systems' tokens that are worth remembering.
 *
 * <p>At most {@code capacity} tokens are remembered. When that many are, the expired and aged ones are dropped (at
 * most once a second), and while it stays full new tokens are checked every time instead of remembered.
 */
final class VerifiedTokens implements JwtDecoder {

    /** The longest a checked token is remembered. */
    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private static final Duration PURGE_AT_MOST_EVERY = Duration.ofSeconds(1);

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    private volatile Instant nextPurge = Instant.MIN;

    private record Checked(Jwt jwt, Instant keptUntil) {}

    /**
     * @param decoder   checks the signature and runs {@code validator}
     * @param validator the decoder's own validators, run again on each remembered token
     * @param capacity  the most tokens remembered at once
     */
    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.decoder = decoder;
        this.validator = validator;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Checked known = token == null ? null : checked.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.keptUntil())
                    && !validator.validate(known.jwt()).hasErrors()) {
                return known.jwt();
            }
            checked.remove(token, known);
        }
        Jwt jwt = decoder.decode(token);
        remember(token, jwt);
        return jwt;
    }

    /** How many tokens are remembered now. */
    int remembered() {
        return checked.size();
    }

    private void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        Instant keptUntil = now.plus(KEPT_FOR);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(keptUntil)) {
            keptUntil = jwt.getExpiresAt();
        }
        if (!now.isBefore(keptUntil) || jwt.hasClaim(TokenClaims.MEDICAID_ID)) {
            return;
        }
        if (checked.size() >= capacity) {
            purge(now);
            if (checked.size() >= capacity) {
                return;
            }
        }
        checked.put(token, new Checked(jwt, keptUntil));
    }

    private void purge(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_AT_MOST_EVERY);
        checked.values().removeIf(entry -> !now.isBefore(entry.keptUntil()));
    }
}
