package org.disclosureledger.api.security;

import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.subject.PersonRef;

/**
 * Puts a read of a person's records on the ledger before the records are handed out: who read (subject and role),
 * what, and the purpose they stated. If it cannot be recorded the read is refused, so no read goes unrecorded.
 */
public interface AccessRecorder {

    /** The purpose an enrollee's own reads are recorded with. */
    StatedPurpose OWN_RECORDS = new StatedPurpose("reading their own records");

    void recordRead(LedgerUser reader, PersonRef person, AccessedRecord record, StatedPurpose purpose);
}
