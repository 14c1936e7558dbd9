package org.disclosureledger.projections.access;

import org.axonframework.config.EventProcessingConfiguration;
import org.disclosureledger.projections.rebuild.ProjectionRebuild;

/** Rebuilds the access log from the event store (see {@link ProjectionRebuild}). */
public class HistoryAccessRebuild extends ProjectionRebuild {

    /** A rebuild of the access-log processor registered in the given Axon configuration. */
    public HistoryAccessRebuild(EventProcessingConfiguration processing) {
        super(processing, HistoryAccessProjection.PROCESSING_GROUP);
    }
}
