package org.disclosureledger.projections.summary;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Rebuilds the agency summaries from the event store: stops this node's agency-summaries processor, empties the
 * tables and rewinds the processor's tokens to the start of the event store (one transaction, through Axon's
 * {@code resetTokens} and the projection's reset handler), then starts it again to replay every event.
 *
 * <p>The replay runs in the background; until it has caught up, summaries are incomplete. Every other node running
 * the processor must have stopped it first, since a token claimed elsewhere cannot be reset (Axon then refuses, and
 * nothing is emptied).
 */
public class AgencySummaryRebuild {

    private final EventProcessingConfiguration processing;

    /** A rebuild of the processor registered in the given Axon configuration. */
    public AgencySummaryRebuild(EventProcessingConfiguration processing) {
        this.processing = processing;
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

    /** The agency-summaries event processor of this node. */
    public StreamingEventProcessor processor() {
        return processing
                .eventProcessor(AgencySummaryProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming event processor named '"
                        + AgencySummaryProjection.PROCESSING_GROUP + "' is registered; import"
                        + " AgencySummaryConfiguration"));
    }
}
