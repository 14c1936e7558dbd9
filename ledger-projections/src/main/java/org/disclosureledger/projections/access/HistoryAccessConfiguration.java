package org.disclosureledger.projections.access;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts the access log into an application: the projection on its own pooled streaming event processor (one segment:
 * a row per read is little work; tokens in PostgreSQL; a failure is retried, never skipped), the query and the
 * rebuild.
 */
@Configuration(proxyBeanMethods = false)
public class HistoryAccessConfiguration {

    @Bean
    public HistoryAccessProjection historyAccessProjection(JdbcTemplate jdbcTemplate) {
        return new HistoryAccessProjection(jdbcTemplate);
    }

    @Bean
    public ConfigurerModule historyAccessProcessor() {
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(
                        HistoryAccessProjection.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (configuration, builder) -> builder.batchSize(100).initialSegmentCount(1))
                .registerListenerInvocationErrorHandler(
                        HistoryAccessProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    public HistoryAccessLog historyAccessLog(JdbcTemplate jdbcTemplate) {
        return new HistoryAccessLog(jdbcTemplate);
    }

    /** Rebuilds the access log from the event store. */
    @Bean
    public HistoryAccessRebuild historyAccessRebuild(EventProcessingConfiguration eventProcessingConfiguration) {
        return new HistoryAccessRebuild(eventProcessingConfiguration);
    }
}
