package org.disclosureledger.projections.history;

import org.axonframework.config.EventProcessingConfiguration;
import org.disclosureledger.projections.rebuild.ProjectionRebuild;

/** Rebuilds the person history from the event store (see {@link ProjectionRebuild}). */
public class PersonHistoryRebuild extends ProjectionRebuild {

    /** A rebuild of the person-history processor registered in the given Axon configuration. */
    public PersonHistoryRebuild(EventProcessingConfiguration processing) {
        super(processing, PersonHistoryProjection.PROCESSING_GROUP);
    }
}
