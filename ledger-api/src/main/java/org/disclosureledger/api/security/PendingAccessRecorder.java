package org.disclosureledger.api.security;

import org.disclosureledger.core.subject.PersonRef;
import org.springframework.stereotype.Component;

/** Placeholder until the access events land (same session): replaced by the recorder that appends them. */
@Component
class PendingAccessRecorder implements AccessRecorder {

    @Override
    public void recordRead(LedgerUser reader, PersonRef person, ReadRecord record, String statedPurpose) {}
}
