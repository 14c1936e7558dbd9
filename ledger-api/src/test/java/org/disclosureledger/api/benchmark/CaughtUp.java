package org.disclosureledger.api.benchmark;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.projections.testing.CatchUp;

/**
 * Waits until the application's event processors have handled every stored event, so that a figure measured next (a
 * raw ceiling, or one processor alone) runs on cores that the others' backlog does not share.
 */
final class CaughtUp {

    private CaughtUp() {}

    /** Waits for every streaming processor but {@code except} (null for none); returns the nanoseconds it took. */
    static long await(
            EventProcessingConfiguration processing, EventStore eventStore, Duration atMost, EventProcessor except) {
        long began = System.nanoTime();
        processing.eventProcessors().values().stream()
                .filter(processor -> processor != except)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> CatchUp.await(processor, eventStore, atMost));
        return System.nanoTime() - began;
    }
}
