package org.disclosureledger.api.security;

import java.util.Set;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;

/**
 * The caller as the ledger knows them once their token is checked: the token's subject, their roles, the states their
 * scope covers (a recorder's custodian states, an auditor's states, an enrollee's own state), and for an enrollee the
 * person reference their Medicaid id maps to. The Medicaid id itself is pseudonymised as the token is read and kept
 * nowhere.
 */
public record LedgerUser(String subject, Set<Role> roles, Set<StateCode> states, PersonRef person) {

    public LedgerUser {
        roles = Set.copyOf(roles);
        states = Set.copyOf(states);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller's scope covers a state. */
    public boolean covers(StateCode state) {
        return states.contains(state);
    }

    /** Leaves the person reference out, so that a log line about a caller never carries it. */
    @Override
    public String toString() {
        return "LedgerUser[" + subject + " " + roles + " " + states + "]";
    }
}
