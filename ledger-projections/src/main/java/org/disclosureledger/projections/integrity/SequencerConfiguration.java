package org.disclosureledger.projections.integrity;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the {@link LedgerSequencer} on a tracking processor with one thread and one segment: the ledger's order must
 * be one order. With several application nodes, Axon's token claim in PostgreSQL lets exactly one of them sequence at
 * a time. Batches of {@code ledger.sequencer.batch-size} events (default 500) share one transaction.
 */
@Configuration(proxyBeanMethods = false)
public class SequencerConfiguration {

    /** The processing group, and the processor's name in the token table. */
    public static final String PROCESSING_GROUP = "ledger-sequencer";

    @Bean
    ConfigurerModule ledgerSequencerProcessor(@Value("${ledger.sequencer.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialSegmentsCount(1)));
    }
}
