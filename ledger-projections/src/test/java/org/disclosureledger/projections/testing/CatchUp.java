package org.disclosureledger.projections.testing;

import java.time.Duration;
import java.util.Collection;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Waits, with a bound, until an event processor has handled (and committed) every event stored so far: all its
 * segments claimed on this node, none in error, each at or past the event store's head. A segment that replayed
 * after a reset still counts as replaying until an event newer than the reset arrives (Axon's {@code ReplayToken}),
 * so its position is what tells that it caught up.
 */
public final class CatchUp {

    private CatchUp() {}

    public static void await(StreamingEventProcessor processor, EventStore eventStore, Duration atMost) {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        Awaitility.await()
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .alias("processor " + processor.getName() + " to reach event " + head)
                .until(() -> caughtUp(processor.processingStatus().values(), head));
    }

    private static boolean caughtUp(Collection<EventTrackerStatus> statuses, long head) {
        double claimed = 0;
        for (EventTrackerStatus status : statuses) {
            if (status.isErrorState()) {
                return false;
            }
            if (status.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
            claimed += 1.0 / (status.getSegment().getMask() + 1);
        }
        return Math.abs(claimed - 1.0) < 1e-9;
    }
}
