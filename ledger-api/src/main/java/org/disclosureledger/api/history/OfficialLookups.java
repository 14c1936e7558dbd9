package org.disclosureledger.api.history;

import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.api.security.AccessRecorder;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.api.security.Scopes;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.springframework.stereotype.Component;

/**
 * An official's look-up of a person, the same for a history and for its documents: the state, Medicaid id and stated
 * purpose checked (with whatever else the request got wrong, every error at once, the identifier never echoed), the
 * state within an auditor's scope, the person's reference, and the read recorded on the ledger before anything is
 * read.
 */
@Component
public class OfficialLookups {

    /** Whose records an official may now read. */
    public record LookedUp(StateCode state, PersonRef person) {}

    private final Pseudonymiser pseudonymiser;
    private final AccessRecorder accesses;

    OfficialLookups(Pseudonymiser pseudonymiser, AccessRecorder accesses) {
        this.pseudonymiser = pseudonymiser;
        this.accesses = accesses;
    }

    /**
     * @param errors the request's other field errors so far; all are reported together
     * @throws org.disclosureledger.api.problem.InvalidRequest when any field is not usable
     * @throws org.disclosureledger.api.problem.Forbidden when the state is outside an auditor's scope
     */
    public LookedUp lookUp(
            LedgerUser official,
            FieldErrors errors,
            String state,
            String medicaidId,
            String purpose,
            AccessedRecord record) {
        StateCode code = errors.value("state", () -> StateCode.ofPerson(state));
        errors.value("medicaidId", () -> Pseudonymiser.normaliseMedicaidId(medicaidId));
        StatedPurpose stated = Scopes.statedPurpose(errors, purpose);
        errors.throwIfAny();
        Scopes.requireStateUnlessAdmin(official, code, "person");
        PersonRef person = pseudonymiser.pseudonymise(code, medicaidId);
        accesses.recordRead(official, person, record, stated);
        return new LookedUp(code, person);
    }
}
