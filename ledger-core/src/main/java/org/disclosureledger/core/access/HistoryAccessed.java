package org.disclosureledger.core.access;

import java.time.Instant;
import org.disclosureledger.core.subject.PersonRef;

/** A reader read a person's records: who, in which role, what, when and why they said they did. */
public record HistoryAccessed(
        AccessId accessId,
        PersonRef person,
        Reader reader,
        AccessedRecord record,
        StatedPurpose purpose,
        Instant accessedAt) {}
