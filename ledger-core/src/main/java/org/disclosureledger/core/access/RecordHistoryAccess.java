package org.disclosureledger.core.access;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disclosureledger.core.subject.PersonRef;

/** Record that a reader read a person's records, before the records are handed out. */
public record RecordHistoryAccess(
        @TargetAggregateIdentifier AccessId accessId,
        PersonRef person,
        Reader reader,
        AccessedRecord record,
        StatedPurpose purpose,
        Instant accessedAt) {}
