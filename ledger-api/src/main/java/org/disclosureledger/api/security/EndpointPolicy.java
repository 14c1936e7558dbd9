package org.disclosureledger.api.security;

import static org.disclosureledger.api.security.Role.ADMIN;
import static org.disclosureledger.api.security.Role.AUDITOR;
import static org.disclosureledger.api.security.Role.ENROLLEE;
import static org.disclosureledger.api.security.Role.RECORDER;
import static org.disclosureledger.api.security.Role.REGULATOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * The one table of who reaches which endpoint: each row a method, a path pattern and the roles allowed (none listed:
 * public). Anything not in the table is refused to everyone. Reaching an endpoint is not the end of it: endpoints
 * about a state or a person check the caller's scope too (a recorder's custodian, an auditor's states, an enrollee's
 * own entries), and official reads of a history need a stated purpose.
 */
public final class EndpointPolicy {

    /** One row: who may call {@code method pattern}; public when {@code roles} is empty. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {

        public boolean isPublic() {
            return roles.isEmpty();
        }
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;

    /** The table, in the order it is matched. */
    public static final List<Rule> RULES = List.of(
            // Verifying the ledger is open to anyone: hashes, signed checkpoints and the key, no content.
            open(GET, "/api/v1/ledger/checkpoint"),
            open(GET, "/api/v1/ledger/checkpoints/*"),
            open(GET, "/api/v1/ledger/public-key"),
            open(GET, "/api/v1/ledger/proofs/inclusion"),
            open(GET, "/api/v1/ledger/proofs/consistency"),
            rule(GET, "/api/v1/ledger/entries/*", ENROLLEE, AUDITOR, REGULATOR, ADMIN),
            // A disclosing system records for its own custodian states.
            rule(POST, "/api/v1/disclosures", RECORDER),
            rule(POST, "/api/v1/disclosures/*/corrections", RECORDER),
            rule(POST, "/api/v1/disclosures/*/destruction-requests", RECORDER),
            rule(POST, "/api/v1/disclosures/*/destruction-certifications", RECORDER),
            rule(POST, "/api/v1/disclosures/*/suspension-lifts", RECORDER),
            rule(GET, "/api/v1/disclosures/*", RECORDER, AUDITOR, REGULATOR),
            rule(POST, "/api/v1/bulk-disclosures", RECORDER),
            rule(PUT, "/api/v1/bulk-disclosures/*/chunks/*", RECORDER),
            rule(POST, "/api/v1/bulk-disclosures/*/seal", RECORDER),
            // An enrollee's own records: nothing in these requests names a person.
            rule(GET, "/api/v1/me/history", ENROLLEE),
            rule(GET, "/api/v1/me/history/accounting", ENROLLEE),
            rule(GET, "/api/v1/me/history/fhir", ENROLLEE),
            rule(GET, "/api/v1/me/history/accesses", ENROLLEE),
            rule(POST, "/api/v1/me/disclosures/*/disputes", ENROLLEE),
            rule(GET, "/api/v1/me/bulk-disclosures/*/membership-proof", ENROLLEE),
            // An official's look-up of a person's history: in scope, with a stated purpose, on the record.
            rule(POST, "/api/v1/history", AUDITOR, ADMIN),
            rule(POST, "/api/v1/history/accounting", AUDITOR, ADMIN),
            rule(POST, "/api/v1/history/fhir", AUDITOR, ADMIN),
            rule(GET, "/api/v1/agencies", AUDITOR, REGULATOR),
            rule(GET, "/api/v1/agencies/*/summary", AUDITOR, REGULATOR),
            rule(POST, "/api/v1/investigations", REGULATOR),
            rule(GET, "/api/v1/investigations/*", REGULATOR),
            rule(GET, "/api/v1/investigations/*/progress", REGULATOR),
            rule(GET, "/api/v1/investigations/*/report", REGULATOR),
            rule(GET, "/api/v1/investigations/*/bundle", REGULATOR),
            rule(POST, "/api/v1/admin/verify", ADMIN),
            // Operations: probes are open (they say up or down, nothing more); numbers are for operators.
            open(GET, "/actuator/health"),
            open(GET, "/actuator/health/**"),
            rule(GET, "/actuator/info", ADMIN),
            rule(GET, "/actuator/metrics", ADMIN),
            rule(GET, "/actuator/metrics/**", ADMIN),
            // The API's description is public on purpose: integrators and auditors read it.
            open(GET, "/v3/api-docs"),
            open(GET, "/v3/api-docs/**"),
            open(GET, "/swagger-ui.html"),
            open(GET, "/swagger-ui/**"),
            // The enrollee's page. Signed out, its pages send the visitor to the sign-in page; signing in is open (the
            // token or, on the development issuer, the development sign-in is the proof); what it shows and downloads
            // is the signed-in enrollee's own. Every POST also needs the page's CSRF token.
            open(GET, "/"),
            open(GET, "/my-disclosures"),
            open(GET, "/page.css"),
            open(GET, "/sign-in"),
            open(POST, "/sign-in"),
            // Exists only while the development issuer runs.
            open(POST, "/sign-in/development"),
            // Answered by Spring Security's logout filter before this table is read: signing out when the session
            // has already ended must still land on the sign-in page.
            open(POST, "/sign-out"),
            rule(POST, "/my-disclosures/accounting.pdf", ENROLLEE),
            rule(POST, "/my-disclosures/fhir.json", ENROLLEE),
            // Exists only while the development issuer runs.
            open(POST, "/dev/tokens"));

    private EndpointPolicy() {}

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Set.of());
    }

    private static Rule rule(HttpMethod method, String pattern, Role first, Role... more) {
        return new Rule(method, pattern, EnumSet.of(first, more));
    }
}
