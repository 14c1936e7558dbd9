package org.disclosureledger.projections.summary;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts the agency summaries into an application: the projection on its own pooled streaming event processor, the
 * query service and the rebuild. Any application that scans or imports this class gets it, with nothing to set in
 * its properties.
 *
 * <p>The processor reads the event store, keeps its tokens in PostgreSQL ({@code token_entry}), and handles events
 * in batches of {@code ledger.summary.batch-size} (default 100) over {@code ledger.summary.segments} segments
 * (default 16; only used when the processor first creates its tokens). Events are sequenced per disclosure, Axon's
 * default; the cells several disclosures share are written with atomic upserts, once per batch as it commits, so
 * segments may run in parallel. A handler failure (a deadlock between two segments included) is propagated, so the
 * batch is rolled back and retried instead of being logged and skipped: a skipped event would leave a summary silently
 * wrong.
 */
@Configuration(proxyBeanMethods = false)
public class AgencySummaryConfiguration {

    /** The projection, registered with Axon through its {@code @ProcessingGroup}. */
    @Bean
    public AgencySummaryProjection agencySummaryProjection(JdbcTemplate jdbcTemplate) {
        return new AgencySummaryProjection(jdbcTemplate);
    }

    /** The projection's event processor. */
    @Bean
    public ConfigurerModule agencySummaryProcessor(
            @Value("${ledger.summary.batch-size:100}") int batchSize,
            @Value("${ledger.summary.segments:16}") int segments) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("ledger.summary.batch-size must be at least 1, not " + batchSize);
        }
        if (segments < 1) {
            throw new IllegalArgumentException("ledger.summary.segments must be at least 1, not " + segments);
        }
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(
                        AgencySummaryProjection.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments))
                .registerListenerInvocationErrorHandler(
                        AgencySummaryProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /** Reads the summaries. */
    @Bean
    public AgencySummaryQueries agencySummaryQueries(JdbcTemplate jdbcTemplate) {
        return new AgencySummaryQueries(jdbcTemplate);
    }

    /** Rebuilds the summaries from the event store. */
    @Bean
    public AgencySummaryRebuild agencySummaryRebuild(EventProcessingConfiguration eventProcessingConfiguration) {
        return new AgencySummaryRebuild(eventProcessingConfiguration);
    }
}
