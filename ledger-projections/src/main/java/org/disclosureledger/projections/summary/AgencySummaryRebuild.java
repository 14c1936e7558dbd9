package org.disclosureledger.projections.summary;

import org.axonframework.config.EventProcessingConfiguration;
import org.disclosureledger.projections.rebuild.ProjectionRebuild;

/** Rebuilds the agency summaries from the event store (see {@link ProjectionRebuild}). */
public class AgencySummaryRebuild extends ProjectionRebuild {

    /** A rebuild of the agency-summaries processor registered in the given Axon configuration. */
    public AgencySummaryRebuild(EventProcessingConfiguration processing) {
        super(processing, AgencySummaryProjection.PROCESSING_GROUP);
    }
}
