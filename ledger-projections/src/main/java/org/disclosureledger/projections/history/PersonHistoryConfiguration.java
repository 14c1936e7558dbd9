package org.disclosureledger.projections.history;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts the person history into an application: the projection on its own pooled streaming event processor, the
 * query service and the rebuild. Any application that scans or imports this class gets it, with nothing to set in
 * its properties.
 *
 * <p>The processor reads the event store, keeps its tokens in PostgreSQL ({@code token_entry}, Axon's JPA token
 * store), and handles events in batches of {@code ledger.history.batch-size} (default 100; Axon's default of 1 replays
 * about three times slower) over {@code ledger.history.segments} segments (default 16, the most nodes and threads that
 * can share the work; only used when the processor first creates its tokens). Events are sequenced per disclosure,
 * Axon's default, so one disclosure's events are handled in order by one segment. A handler failure is propagated,
 * so the batch is rolled back and retried instead of being logged and skipped: a skipped event would leave a person's
 * history silently incomplete.
 */
@Configuration(proxyBeanMethods = false)
public class PersonHistoryConfiguration {

    /** The projection, registered with Axon through its {@code @ProcessingGroup}. */
    @Bean
    public PersonHistoryProjection personHistoryProjection(JdbcTemplate jdbcTemplate) {
        return new PersonHistoryProjection(jdbcTemplate);
    }

    /** The projection's event processor. */
    @Bean
    public ConfigurerModule personHistoryProcessor(
            @Value("${ledger.history.batch-size:100}") int batchSize,
            @Value("${ledger.history.segments:16}") int segments) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("ledger.history.batch-size must be at least 1, not " + batchSize);
        }
        if (segments < 1) {
            throw new IllegalArgumentException("ledger.history.segments must be at least 1, not " + segments);
        }
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(
                        PersonHistoryProjection.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments))
                .registerListenerInvocationErrorHandler(
                        PersonHistoryProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /** Reads a person's history, judging suspensions and the six-year window by the ledger's clock. */
    @Bean
    public PersonHistoryQueries personHistoryQueries(JdbcTemplate jdbcTemplate, Clock clock) {
        return new PersonHistoryQueries(jdbcTemplate, clock);
    }

    /** Subjects' proofs of membership in sealed bulk manifests, read from the person-history tables. */
    @Bean
    public MembershipProofs membershipProofs(JdbcTemplate jdbcTemplate, Clock clock) {
        return new MembershipProofs(jdbcTemplate, clock);
    }

    /** Rebuilds the person history from the event store. */
    @Bean
    public PersonHistoryRebuild personHistoryRebuild(EventProcessingConfiguration eventProcessingConfiguration) {
        return new PersonHistoryRebuild(eventProcessingConfiguration);
    }
}
