package org.disclosureledger.api.benchmark;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.projections.stream.StreamRelay;
import org.disclosureledger.projections.testing.CatchUp;

/**
 * Waits until the application's event processors have handled every stored event, and the stream relay (when given)
 * has published the whole ledger, so that a figure measured next (a raw ceiling, or one processor alone) runs on cores
 * that the others' backlog does not share.
 */
final class CaughtUp {

    private CaughtUp() {}

    /**
     * Waits for every streaming processor, then for the relay (null: not waited for, as when it is stopped); returns
     * the nanoseconds it took.
     */
    static long await(
            EventProcessingConfiguration processing, EventStore eventStore, Duration atMost, StreamRelay relay) {
        long began = System.nanoTime();
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> CatchUp.await(processor, eventStore, atMost));
        if (relay != null) {
            Awaitility.await()
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(50))
                    .alias("the stream relay to publish the whole ledger")
                    .until(() -> relay.unpublishedEntries() == 0);
        }
        return System.nanoTime() - began;
    }
}
