package org.disclosureledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session when the token it was signed in with expires: a session must not keep an enrollee signed in
 * longer than their identity provider said they were, however busy it is. The session is invalidated before anything
 * reads it, so the request is answered as a signed-out one.
 */
final class SignInExpiry extends OncePerRequestFilter {

    /** The session attribute holding the sign-in token's expiry ({@link Instant}). */
    static final String EXPIRES_AT = SignInExpiry.class.getName() + ".EXPIRES_AT";

    private final Clock clock;

    SignInExpiry(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(EXPIRES_AT) instanceof Instant expiresAt
                && !clock.instant().isBefore(expiresAt)) {
            session.invalidate();
            SecurityContextHolder.getContextHolderStrategy().clearContext();
        }
        chain.doFilter(request, response);
    }
}
