package org.disclosureledger.api.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a checked token's claims into a {@link LedgerUser}: {@code sub}; {@code roles}, the role names of
 * {@link Role} (others are ignored); {@code states}, the caller's state scope; and for an enrollee
 * {@code medicaid_state} and {@code medicaid_id}, pseudonymised at once. A token whose claims do not make sense (no
 * subject, a malformed state, an enrollee without a Medicaid id, an enrollee who is also an official) is refused as
 * an invalid token, with the claim named and never its value.
 */
final class TokenClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLES = "roles";
    static final String STATES = "states";
    static final String MEDICAID_STATE = "medicaid_state";
    static final String MEDICAID_ID = "medicaid_id";

    private final Pseudonymiser pseudonymiser;

    TokenClaims(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        LedgerUser user = user(jwt);
        return new LedgerAuthentication(
                user,
                user.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList());
    }

    LedgerUser user(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > 200 || hasControlCharacters(subject)) {
            throw invalid("the token's sub claim must name the caller (1 to 200 printable characters)");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(jwt, ROLES)) {
            Role.ofClaim(name).ifPresent(roles::add);
        }
        Set<StateCode> states = new LinkedHashSet<>();
        for (String code : strings(jwt, STATES)) {
            states.add(state(code, STATES));
        }
        if (!roles.contains(Role.ENROLLEE)) {
            if (jwt.hasClaim(MEDICAID_ID)) {
                throw invalid("only an enrollee's token may carry a " + MEDICAID_ID + " claim");
            }
            return new LedgerUser(subject, roles, states, null);
        }
        if (roles.size() > 1) {
            throw invalid("an enrollee's token cannot carry another role as well");
        }
        StateCode state = state(jwt.getClaimAsString(MEDICAID_STATE), MEDICAID_STATE);
        String medicaidId = jwt.getClaimAsString(MEDICAID_ID);
        try {
            Pseudonymiser.normaliseMedicaidId(medicaidId);
        } catch (IllegalArgumentException e) {
            throw invalid("an enrollee's token must carry a well-formed " + MEDICAID_ID + " claim");
        }
        PersonRef person = pseudonymiser.pseudonymise(state, medicaidId);
        return new LedgerUser(subject, roles, Set.of(state), person);
    }

    private static List<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s.split("[ ,]+"));
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw invalid("the token's " + claim + " claim must be a list of strings");
                }
                strings.add(s);
            }
            return strings;
        }
        throw invalid("the token's " + claim + " claim must be a list of strings");
    }

    private static StateCode state(String code, String claim) {
        if (code == null) {
            throw invalid("the token must carry a " + claim + " claim");
        }
        try {
            return new StateCode(code);
        } catch (IllegalArgumentException e) {
            throw invalid("the token's " + claim + " claim must hold two-letter state codes such as CA");
        }
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
