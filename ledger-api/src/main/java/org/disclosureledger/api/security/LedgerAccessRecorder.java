package org.disclosureledger.api.security;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.RecordHistoryAccess;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.eventstore.ThreadOwnIdentifierFactory;
import org.springframework.stereotype.Component;

/**
 * Puts each read of a person's records on the ledger as a {@code HistoryAccessed} event, and waits until it is
 * stored: an exception here refuses the read. An enrollee is recorded as "the enrollee", never by their token's
 * subject, which may be an identity provider's account name.
 */
@Component
class LedgerAccessRecorder implements AccessRecorder {

    static final String ENROLLEE_READER = "the enrollee";

    private final CommandGateway commands;
    private final Clock clock;

    LedgerAccessRecorder(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void recordRead(LedgerUser reader, PersonRef person, AccessedRecord record, StatedPurpose purpose) {
        ReaderRole role = role(reader);
        commands.sendAndWait(new RecordHistoryAccess(
                new AccessId(ThreadOwnIdentifierFactory.randomIdentifier()),
                person,
                new Reader(role == ReaderRole.ENROLLEE ? ENROLLEE_READER : reader.subject(), role),
                record,
                purpose,
                clock.instant()));
    }

    /** The role the read was allowed under: an enrollee's own, else an auditor's, an admin's, a regulator's. */
    private static ReaderRole role(LedgerUser reader) {
        if (reader.has(Role.ENROLLEE)) {
            return ReaderRole.ENROLLEE;
        }
        if (reader.has(Role.AUDITOR)) {
            return ReaderRole.AUDITOR;
        }
        if (reader.has(Role.ADMIN)) {
            return ReaderRole.ADMIN;
        }
        if (reader.has(Role.REGULATOR)) {
            return ReaderRole.REGULATOR;
        }
        throw new IllegalStateException("a " + reader.roles() + " caller cannot read a person's records");
    }
}
