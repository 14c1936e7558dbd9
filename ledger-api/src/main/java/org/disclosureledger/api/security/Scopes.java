package org.disclosureledger.api.security;

import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.api.problem.Forbidden;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.jurisdiction.StateCode;

/** The object-level checks endpoints make once the policy let the caller in. */
public final class Scopes {

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
     * The purpose an official states for reading a person's history, checked by the ledger's own rule
     * ({@link StatedPurpose}: one line of at most 500 characters) and reported as the field {@code purpose}.
     */
    public static StatedPurpose statedPurpose(FieldErrors errors, String purpose) {
        return errors.value("purpose", () -> new StatedPurpose(purpose == null ? null : purpose.strip()));
    }
}
