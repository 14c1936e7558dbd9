package org.disclosureledger.api.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosureledger.api.security.ConditionalOnDevIssuer;
import org.disclosureledger.api.security.PageSignIn;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code POST /sign-in/development}: the development sign-in, by state and Medicaid id, through a token the development
 * issuer mints. Registered only while the development issuer runs, so it does not exist beside an identity provider.
 * Bad input re-renders the sign-in page with 422 and each error next to its field, never repeating the Medicaid id.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnDevIssuer
@Controller
class DevelopmentSignInController {

    private final PageSignIn signIn;

    DevelopmentSignInController(PageSignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping(path = PageRenderer.DEVELOPMENT_SIGN_IN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> signIn(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String medicaidId,
            HttpServletRequest request,
            HttpServletResponse response,
            CsrfToken csrf) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!StateCode.isKnown(state)) {
            errors.put("state", "Choose your state or territory from the list.");
        }
        if (medicaidId == null || medicaidId.isBlank()) {
            errors.put("medicaidId", "Enter your Medicaid ID.");
        } else {
            try {
                Pseudonymiser.normaliseMedicaidId(medicaidId);
            } catch (IllegalArgumentException e) {
                errors.put(
                        "medicaidId",
                        "Enter your Medicaid ID as 1 to 32 letters and digits (spaces and hyphens are ignored).");
            }
        }
        if (!errors.isEmpty()) {
            return EnrolleePageController.html(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    PageRenderer.signIn(new PageRenderer.SignIn(
                            csrf, true, null, false, errors.containsKey("state") ? null : state, errors)));
        }
        signIn.signInForDevelopment(new StateCode(state), medicaidId, request, response);
        return SignInController.seeOther(PageRenderer.MY_DISCLOSURES);
    }
}
