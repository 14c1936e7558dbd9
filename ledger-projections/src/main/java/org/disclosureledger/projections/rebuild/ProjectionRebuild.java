package org.disclosureledger.projections.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Rebuilds one projection from the event store: stops this node's processor for it, empties its tables and rewinds
 * its tokens to the start of the event store (one transaction, through Axon's {@code resetTokens} and the projection's
 * reset handler), then starts it again to replay every event.
 *
 * <p>The replay runs in the background; until it has caught up, the read model is incomplete. Every other node running
 * the processor must have stopped it first, since a token claimed elsewhere cannot be reset (Axon then refuses, and
 * nothing is emptied).
 */
public class ProjectionRebuild {

    private final EventProcessingConfiguration processing;
    private final String processingGroup;

    /** A rebuild of the processor named {@code processingGroup} in the given Axon configuration. */
    protected ProjectionRebuild(EventProcessingConfiguration processing, String processingGroup) {
        this.processing = processing;
        this.processingGroup = processingGroup;
    }

    /** Starts a rebuild; returns once the tables are empty and the replay has started. */
    public void rebuild() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
    }

    /** This node's event processor for the projection. */
    public StreamingEventProcessor processor() {
        return processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(
                        "no streaming event processor named '" + processingGroup + "' is registered"));
    }
}
