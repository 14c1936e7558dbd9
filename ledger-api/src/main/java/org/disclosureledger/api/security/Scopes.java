package org.disclosureledger.api.security;

import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.api.problem.Forbidden;
import org.disclosureledger.core.jurisdiction.StateCode;

/** The object-level checks endpoints make once the policy let the caller in. */
public final class Scopes {

    /** The longest stated purpose kept with an access. */
    public static final int MAX_PURPOSE = 500;

    private Scopes() {}

    /** Refuses a caller whose scope does not cover the state (a recorder's custodian, an auditor's states). */
    public static void requireState(LedgerUser user, StateCode state, String what) {
        if (!user.covers(state)) {
            throw new Forbidden("your scope ("
                    + (user.states().isEmpty() ? "no states" : user.states().toString()) + ") does not cover "
                    + state.code() + ", the state of this " + what);
        }
    }

    /** Refuses an official who does not cover the state, unless their role reaches every state (an admin). */
    public static void requireStateUnlessAdmin(LedgerUser user, StateCode state, String what) {
        if (!user.has(Role.ADMIN)) {
            requireState(user, state, what);
        }
    }

    /**
     * Checks the purpose an official states for reading a person's history: required, at most 500 characters, one
     * line. Reported as the field {@code purpose}.
     */
    public static String statedPurpose(FieldErrors errors, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            errors.add(
                    "purpose",
                    "purpose is required: say why you are reading this person's history (it is shown" + " to them)");
            return null;
        }
        if (purpose.length() > MAX_PURPOSE || purpose.chars().anyMatch(Character::isISOControl)) {
            errors.add("purpose", "purpose must be one line of at most " + MAX_PURPOSE + " characters");
            return null;
        }
        return purpose.strip();
    }
}
