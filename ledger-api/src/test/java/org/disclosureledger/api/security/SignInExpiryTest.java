package org.disclosureledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A page session ends when the token it was signed in with expires, and not before. */
class SignInExpiryTest {

    private static final Instant EXPIRY = Instant.parse("2026-03-01T12:00:00Z");

    @AfterEach
    void clearTheContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void givenASessionWhoseTokenHasNotExpired_whenARequestArrives_thenTheEnrolleeStaysSignedIn() throws Exception {
        MockHttpSession session = signedInSession();

        filterAt(EXPIRY.minusSeconds(1), session);

        assertThat(session.isInvalid()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
    }

    @Test
    void givenASessionWhoseTokenHasExpired_whenARequestArrives_thenTheSessionEndsBeforeTheRequestIsServed()
            throws Exception {
        MockHttpSession session = signedInSession();

        MockFilterChain chain = filterAt(EXPIRY, session);

        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(chain.getRequest())
                .as("the request still goes on, as a signed-out one")
                .isNotNull();
    }

    private static MockHttpSession signedInSession() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SignInExpiry.EXPIRES_AT, EXPIRY);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("enrollee", ""));
        return session;
    }

    private static MockFilterChain filterAt(Instant now, MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/my-disclosures");
        request.setSession(session);
        MockFilterChain chain = new MockFilterChain();
        new SignInExpiry(Clock.fixed(now, ZoneOffset.UTC)).doFilter(request, new MockHttpServletResponse(), chain);
        return chain;
    }
}
