package org.disclosureledger.api.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/tokens}: the development issuer's token for an example user, so that the README's examples run on
 * the embedded default. Registered only while the development issuer runs ({@link TokenConfiguration}).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RestController
@Conditional(TokenConfiguration.DevIssuerWanted.class)
class DevTokenController {

    /** Who the token is for: one role, and the claims that role needs. */
    record DevTokenRequest(String role, String subject, List<String> states, String medicaidState, String medicaidId) {}

    /** The token, as an identity provider's token endpoint would answer. */
    record DevToken(String accessToken, String tokenType, long expiresIn, String issuer) {}

    private final DevIssuer issuer;

    DevTokenController(DevIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(
            path = "/dev/tokens",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DevToken> token(@RequestBody DevTokenRequest request) {
        FieldErrors errors = new FieldErrors();
        Optional<Role> role = request.role() == null ? Optional.empty() : Role.ofClaim(request.role());
        if (role.isEmpty()) {
            errors.add("role", "role must be one of recorder, enrollee, auditor, regulator, admin");
        }
        List<String> states = request.states() == null ? List.of() : request.states();
        for (String state : states) {
            errors.value("states", () -> new StateCode(state));
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(TokenClaims.ROLES, role.map(r -> List.of(r.claimValue())).orElse(List.of()));
        if (role.isPresent() && role.get() == Role.ENROLLEE) {
            errors.value("medicaidState", () -> StateCode.ofPerson(request.medicaidState()));
            errors.value("medicaidId", () -> Pseudonymiser.normaliseMedicaidId(request.medicaidId()));
            claims.put(TokenClaims.MEDICAID_STATE, request.medicaidState());
            claims.put(TokenClaims.MEDICAID_ID, request.medicaidId());
        } else if (!states.isEmpty()) {
            claims.put(TokenClaims.STATES, states);
        }
        String subject = request.subject() == null || request.subject().isBlank()
                ? "dev-" + role.map(Role::claimValue).orElse("user")
                : request.subject();
        if (subject.length() > 200 || subject.chars().anyMatch(Character::isISOControl)) {
            errors.add("subject", "subject must be 1 to 200 printable characters");
        }
        errors.throwIfAny();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new DevToken(
                        issuer.mint(subject, claims), "Bearer", DevIssuer.LIFETIME.toSeconds(), DevIssuer.ISSUER));
    }
}
