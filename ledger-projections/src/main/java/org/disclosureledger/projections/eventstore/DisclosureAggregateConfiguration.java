package org.disclosureledger.projections.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.disclosureledger.core.disclosure.Disclosure;
import org.disclosureledger.projections.rulebook.RulebookConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Registers the {@link Disclosure} aggregate with Axon, without Spring annotations in the core: event sourced from
 * the ledger's event store, snapshotted every {@code ledger.event-store.snapshot-threshold} events (default 50), and
 * kept in a cache between commands. Its command handlers judge with the rulebook of {@link RulebookConfiguration}. A bulk disclosure is filled by thousands of commands; with the cache, attaching
 * chunk k does not load chunks 1 to k-1, and with snapshots neither does the first command after a restart.
 */
@Configuration(proxyBeanMethods = false)
@Import(RulebookConfiguration.class)
public class DisclosureAggregateConfiguration {

    /**
     * How many loaded {@code Disclosure} aggregates stay in memory between commands. A bulk disclosure being filled
     * must stay among them; a single disclosure keeps at most {@link Disclosure#MAX_SUBJECTS_PER_RECORD} pseudonyms,
     * so the cache holds at most a few tens of MiB.
     */
    static final int CACHED_AGGREGATES = 256;

    /** The cache of loaded {@code Disclosure} aggregates, by identifier: the most recently used ones. */
    @Bean
    public Cache disclosureCache() {
        return new RecentAggregatesCache(CACHED_AGGREGATES);
    }

    /**
     * Creates {@code Disclosure} instances, from a snapshot or empty. A bean, because Axon's Spring snapshotter
     * looks its aggregate factories up among the beans.
     */
    @Bean
    public AggregateFactory<Disclosure> disclosureAggregateFactory(
            ParameterResolverFactory parameterResolverFactory, HandlerDefinition handlerDefinition) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                Disclosure.class, parameterResolverFactory, handlerDefinition));
    }

    /** The aggregate's registration with Axon. */
    @Bean
    public ConfigurerModule disclosureAggregate(
            @Value("${ledger.event-store.snapshot-threshold:50}") int snapshotThreshold,
            Cache disclosureCache,
            AggregateFactory<Disclosure> disclosureAggregateFactory) {
        if (snapshotThreshold < 1) {
            throw new IllegalArgumentException(
                    "ledger.event-store.snapshot-threshold must be at least 1, not " + snapshotThreshold);
        }
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Disclosure.class)
                .configureAggregateFactory(c -> disclosureAggregateFactory)
                .configureCache(c -> disclosureCache)
                .configureSnapshotTrigger(
                        c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold))
                .configureSnapshotFilter(c -> RevisionSnapshotFilter.builder()
                        .type(Disclosure.class.getSimpleName())
                        .revision(SnapshotRevision.of(Disclosure.class))
                        .build()));
    }
}
