package org.disclosureledger.api.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.disclosureledger.api.problem.IdTakenByAnotherEntry;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.api.security.Scopes;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.springframework.stereotype.Component;

/**
 * Whose disclosure it is: a follow-on, chunk or seal is accepted only from a recorder whose scope covers the
 * disclosure's custodian state. An unknown disclosure passes, so that the command answers 404 as it always has.
 */
@Component
public class Custodians {

    private final DisclosureStatusReader statusReader;
    private final Clock clock;

    Custodians(DisclosureStatusReader statusReader, Clock clock) {
        this.statusReader = statusReader;
        this.clock = clock;
    }

    /** The disclosure's custodian state; empty when no disclosure has the id. */
    public Optional<StateCode> of(DisclosureId id) {
        return statusReader.custodianState(id);
    }

    /**
     * Whether the disclosure is, today, withheld from the people it names (a suspension in force, not lifted); false
     * for an unknown disclosure.
     */
    public boolean withheldFromSubjects(DisclosureId id) {
        return statusReader.withheldFromSubjects(id, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /**
     * Sends a command that records or opens a disclosure. Ids are one namespace: when another kind of entry holds the
     * id (a recorded read of someone's records, whose id the watchdog stream publishes), Axon cannot load its stream as
     * a disclosure, and the refusal is {@link IdTakenByAnotherEntry} rather than a server error.
     */
    <R> R creating(DisclosureId id, Supplier<R> send) {
        try {
            return send.get();
        } catch (IncompatibleAggregateException e) {
            throw takenOr(id, e);
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof IncompatibleAggregateException ? takenOr(id, e) : e;
        }
    }

    private RuntimeException takenOr(DisclosureId id, RuntimeException failure) {
        return statusReader.heldByAnotherEntry(id) ? new IdTakenByAnotherEntry(id, failure) : failure;
    }

    void requireRecorderOf(LedgerUser recorder, DisclosureId id) {
        statusReader
                .custodianState(id)
                .ifPresent(state -> Scopes.requireState(recorder, state, "disclosure's custodian"));
    }
}
