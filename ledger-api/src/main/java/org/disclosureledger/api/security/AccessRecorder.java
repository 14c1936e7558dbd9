package org.disclosureledger.api.security;

import org.disclosureledger.core.subject.PersonRef;

/**
 * Puts a read of a person's records on the ledger before the records are handed out: who read (subject and role),
 * what, and the purpose they stated. If it cannot be recorded the read is refused, so no read goes unrecorded.
 */
public interface AccessRecorder {

    /** What was read. */
    enum ReadRecord {
        HISTORY,
        ACCOUNTING,
        FHIR_EXPORT,
        MEMBERSHIP_PROOF
    }

    /** The purpose an enrollee's own reads are recorded with. */
    String OWN_RECORDS = "reading their own records";

    void recordRead(LedgerUser reader, PersonRef person, ReadRecord record, String statedPurpose);
}
