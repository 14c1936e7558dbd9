package org.disclosureledger.api.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.api.security.PageRefusals;
import org.disclosureledger.api.security.PageSignIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The page chain's refusals as pages: not signed in (or the session ended) is the sign-in page with 401; a refused
 * form, such as one posted without its CSRF token, is a 403 page saying that nothing was done.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class PageRefusalPages implements PageRefusals {

    static final String SIGN_IN_FIRST = "Sign in to continue. If you were signed in, your session has ended.";

    private final PageSignIn signIn;

    PageRefusalPages(PageSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                PageRenderer.signIn(
                        PageRenderer.SignIn.plain(csrf(request), signIn.developmentSignInAvailable(), SIGN_IN_FIRST)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.getPrincipal() instanceof LedgerUser;
        write(response, HttpStatus.FORBIDDEN, PageRenderer.refused(csrf(request), signedIn));
    }

    /** The CSRF token the chain's CSRF filter made available for this request, for the page's forms. */
    private static CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    private static void write(HttpServletResponse response, HttpStatus status, String page) throws IOException {
        response.setStatus(status.value());
        response.setContentType(EnrolleePageController.HTML.toString());
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
