package org.disclosureledger.api.disclosure;

/**
 * An enrollee as a disclosing system names them: state and Medicaid id, optionally an SSN. It exists only while a
 * request is read; the ledger keeps the {@link org.disclosureledger.core.subject.PersonRef} made from it.
 */
public record SubjectIdentifier(String state, String medicaidId, String ssn) {

    /** Never print identifiers, even by accident in a log line or a debugger's summary. */
    @Override
    public String toString() {
        return "SubjectIdentifier[redacted]";
    }
}
