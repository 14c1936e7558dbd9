package org.disclosureledger.api.page;

import java.time.Instant;
import java.util.Objects;
import org.disclosureledger.api.security.AccessRecorder;
import org.disclosureledger.api.security.Role;

/**
 * One read of the enrollee's records, as the page lists it under "Who looked at your history": who read (their role
 * and the subject their token named), when, what, and the purpose they stated.
 */
record HistoryRead(Role role, String reader, Instant at, AccessRecorder.ReadRecord record, String purpose) {

    HistoryRead {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(purpose, "purpose");
    }
}
