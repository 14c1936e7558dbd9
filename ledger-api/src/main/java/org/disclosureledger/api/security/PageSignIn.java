package org.disclosureledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs an enrollee in to the page: their bearer token is checked exactly as the API checks it (the same
 * {@link JwtDecoder} and {@link TokenClaims}), must be an enrollee's, and the resulting {@link LedgerUser} is kept in
 * the HTTP session; the token itself is not kept, only when it expires, which ends the session ({@link SignInExpiry}).
 * Signing in gives the session a new id (no session fixation) and the page's forms a new CSRF token. While the development issuer runs, an enrollee can also be signed in by state and
 * Medicaid id, through a token the development issuer mints for them.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
public final class PageSignIn {

    /** The development issuer's subject for an enrollee signed in through the development sign-in. */
    static final String DEV_ENROLLEE = "dev-enrollee";

    /** Why a sign-in was refused; the token is never part of it. */
    public enum Refusal {
        /** Missing, malformed, expired, signed by someone else, for another audience, or with senseless claims. */
        INVALID_TOKEN,
        /** A valid token, but not an enrollee's: officials use the API, not the page. */
        NOT_AN_ENROLLEE
    }

    /** A refused sign-in. */
    public static final class Refused extends RuntimeException {

        private final Refusal reason;

        Refused(Refusal reason) {
            super("sign-in refused: " + reason, null, false, false);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    private final JwtDecoder decoder;
    private final TokenClaims claims;
    private final Optional<DevIssuer> devIssuer;
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final SecurityContextRepository securityContexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SessionAuthenticationStrategy onSignIn = new CompositeSessionAuthenticationStrategy(
            List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));

    PageSignIn(JwtDecoder decoder, TokenClaims claims, Optional<DevIssuer> devIssuer) {
        this.decoder = decoder;
        this.claims = claims;
        this.devIssuer = devIssuer;
    }

    /**
     * Signs in the enrollee the token names and keeps them in the session.
     *
     * @throws Refused when the token is not valid or not an enrollee's; the session is left as it was
     */
    public LedgerUser signIn(String bearerToken, HttpServletRequest request, HttpServletResponse response) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new Refused(Refusal.INVALID_TOKEN);
        }
        Jwt jwt;
        AbstractAuthenticationToken authentication;
        try {
            jwt = decoder.decode(bearerToken.strip());
            authentication = claims.convert(jwt);
        } catch (JwtException | OAuth2AuthenticationException e) {
            throw new Refused(Refusal.INVALID_TOKEN);
        }
        LedgerUser user = (LedgerUser) authentication.getPrincipal();
        if (!user.has(Role.ENROLLEE)) {
            throw new Refused(Refusal.NOT_AN_ENROLLEE);
        }
        onSignIn.onAuthentication(authentication, request, response);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        securityContexts.saveContext(context, request, response);
        request.getSession().setAttribute(SignInExpiry.EXPIRES_AT, jwt.getExpiresAt());
        return user;
    }

    /** Whether the development sign-in is offered: only while the development issuer runs. */
    public boolean developmentSignInAvailable() {
        return devIssuer.isPresent();
    }

    /**
     * The development sign-in: the development issuer mints an enrollee's token for this state and Medicaid id (checked
     * by the caller), and the enrollee is signed in with it like with any other token.
     *
     * @throws IllegalStateException when the development issuer does not run
     */
    public LedgerUser signInForDevelopment(
            StateCode state, String medicaidId, HttpServletRequest request, HttpServletResponse response) {
        DevIssuer issuer = devIssuer.orElseThrow(
                () -> new IllegalStateException("the development sign-in needs the development issuer"));
        String token = issuer.mint(
                DEV_ENROLLEE,
                Map.of(
                        TokenClaims.ROLES,
                        List.of(Role.ENROLLEE.claimValue()),
                        TokenClaims.MEDICAID_STATE,
                        state.code(),
                        TokenClaims.MEDICAID_ID,
                        medicaidId));
        return signIn(token, request, response);
    }

    /** Where the page chain keeps its CSRF tokens: the same store that signing in renews. */
    CsrfTokenRepository csrfTokens() {
        return csrfTokens;
    }

    /** Where the page chain finds the signed-in enrollee: the same store signing in writes. */
    SecurityContextRepository securityContexts() {
        return securityContexts;
    }
}
