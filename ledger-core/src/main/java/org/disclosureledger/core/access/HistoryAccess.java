package org.disclosureledger.core.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One read of a person's records, as the ledger keeps it: created once by {@link RecordHistoryAccess}. A second command
 * with the same id is refused with {@link AccessAlreadyRecorded}, as a disclosure id reused for other content is, so a
 * read is never recorded twice under one id and an id never names two reads. (An id a disclosure already has is
 * refused by Axon before this aggregate sees the command: its stream does not load as a {@code HistoryAccess}.)
 */
public class HistoryAccess {

    @AggregateIdentifier
    private AccessId accessId;

    protected HistoryAccess() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordHistoryAccess command) {
        if (accessId != null) {
            throw new AccessAlreadyRecorded(command.accessId());
        }
        Objects.requireNonNull(command.person(), "the person whose records were read is required");
        Objects.requireNonNull(command.reader(), "the reader is required");
        Objects.requireNonNull(command.record(), "what was read is required");
        Objects.requireNonNull(command.purpose(), "the stated purpose is required");
        Objects.requireNonNull(command.accessedAt(), "when it was read is required");
        apply(new HistoryAccessed(
                command.accessId(),
                command.person(),
                command.reader(),
                command.record(),
                command.purpose(),
                command.accessedAt()));
    }

    @EventSourcingHandler
    void on(HistoryAccessed event) {
        this.accessId = event.accessId();
    }
}
