package org.disclosureledger.projections.stream;

import java.util.List;

/**
 * Events are to be published before the integrity sequencer gave them a ledger index: their messages could not carry
 * one, so the batch is rolled back and retried once the sequencer has caught up.
 */
public class NotYetSequenced extends RuntimeException {

    private final List<String> eventIdentifiers;

    NotYetSequenced(List<String> eventIdentifiers) {
        super(eventIdentifiers.size() + " event(s) have no ledger entry yet (first: " + eventIdentifiers.get(0)
                + "); the batch will be retried");
        this.eventIdentifiers = List.copyOf(eventIdentifiers);
    }

    /** The events still waiting for the sequencer. */
    public List<String> eventIdentifiers() {
        return eventIdentifiers;
    }
}
