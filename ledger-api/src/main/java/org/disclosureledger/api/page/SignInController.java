package org.disclosureledger.api.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.api.security.PageSignIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the page: {@code GET /sign-in} shows the form, and {@code POST /sign-in} takes the enrollee's bearer
 * token from the identity provider in the form field {@code token}, checks it as the API would, and keeps the enrollee
 * in the session ({@link PageSignIn}); then the enrollee is sent to their disclosures. A token that is not valid is
 * answered 401, an official's token 403, each with the sign-in page again. Signing out is Spring Security's logout at
 * {@code POST /sign-out}.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class SignInController {

    static final String TOKEN_REFUSED = "That sign-in token was not accepted: it may have expired, or it was not"
            + " issued for this ledger. Get a new one and sign in again.";
    static final String NOT_AN_ENROLLEE = "That sign-in token is not an enrollee's. This page shows an enrollee their"
            + " own records; officials use the ledger's API.";

    private final PageSignIn signIn;

    SignInController(PageSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping(PageRenderer.SIGN_IN)
    ResponseEntity<byte[]> form(
            @AuthenticationPrincipal LedgerUser enrollee,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            CsrfToken csrf) {
        if (enrollee != null) {
            return seeOther(PageRenderer.MY_DISCLOSURES);
        }
        return EnrolleePageController.html(
                HttpStatus.OK,
                PageRenderer.signIn(PageRenderer.SignIn.plain(
                        csrf, signIn.developmentSignInAvailable(), signedOut == null ? null : "You are signed out.")));
    }

    @PostMapping(path = PageRenderer.SIGN_IN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> signIn(
            @RequestParam(required = false) String token,
            HttpServletRequest request,
            HttpServletResponse response,
            CsrfToken csrf) {
        try {
            signIn.signIn(token, request, response);
        } catch (PageSignIn.Refused refused) {
            boolean notAnEnrollee = refused.reason() == PageSignIn.Refusal.NOT_AN_ENROLLEE;
            return EnrolleePageController.html(
                    notAnEnrollee ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED,
                    PageRenderer.signIn(new PageRenderer.SignIn(
                            csrf,
                            signIn.developmentSignInAvailable(),
                            notAnEnrollee ? NOT_AN_ENROLLEE : TOKEN_REFUSED,
                            true,
                            null,
                            Map.of())));
        }
        return seeOther(PageRenderer.MY_DISCLOSURES);
    }

    static ResponseEntity<byte[]> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, location)
                .cacheControl(CacheControl.noStore())
                .build();
    }
}
