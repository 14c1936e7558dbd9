package org.disclosureledger.projections.eventstore;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.disclosureledger.core.access.HistoryAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@link HistoryAccess} aggregate with Axon: one short stream per read of a person's records, event
 * sourced from the ledger's event store, never loaded again after it is created, so neither cached nor snapshotted.
 */
@Configuration(proxyBeanMethods = false)
public class HistoryAccessAggregateConfiguration {

    @Bean
    public ConfigurerModule historyAccessAggregate() {
        return configurer ->
                configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(HistoryAccess.class));
    }
}
