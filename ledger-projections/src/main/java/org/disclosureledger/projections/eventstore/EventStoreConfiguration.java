package org.disclosureledger.projections.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's event store: Axon's JPA storage on PostgreSQL, over tables that Flyway creates
 * ({@code db/migration}) and that only ever grow. Import this one class to get the whole event store: the storage
 * engine, the serializers ({@link LedgerSerializerConfiguration}) and the {@code Disclosure} aggregate
 * ({@link DisclosureAggregateConfiguration}).
 *
 * <p>Defining the storage engine here switches off Axon's {@code JpaEventStoreAutoConfiguration}, so its JPA entities
 * are registered here instead. Hibernate is told to map Axon's {@code @Lob} columns to {@code bytea}
 * ({@link LedgerPostgreSQLDialect}) and to accept the global-index sequence's increment of 1, which keeps event
 * indexes free of the gaps a pooled increment of 50 leaves; both are only set when the application has not set them.
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
@Import({
    LedgerSerializerConfiguration.class,
    DisclosureAggregateConfiguration.class,
    HistoryAccessAggregateConfiguration.class
})
public class EventStoreConfiguration {

    /** The Hibernate setting that decides what happens when a sequence's increment differs from the mapping's. */
    public static final String SEQUENCE_MISMATCH_STRATEGY = "hibernate.id.sequence.increment_size_mismatch_strategy";

    /**
     * The Hibernate setting naming the optimizer of generated ids, here of the events' global index. Hibernate picks
     * its optimizer from Axon's mapping (an increment of 50) before it adopts the sequence's increment of 1, and that
     * optimizer fetched every index from the database under one lock: every request recording an event waited in
     * line for the others' round trips (in a JFR recording of 16 clients, 486 waits of 13 ms on average in 9 s). With
     * {@code pooled-lotl} each thread keeps its own block of the sequence's increment, 1, so each index is still the
     * sequence's next value, fetched by each thread on its own. ({@code none} would do the same for the event table,
     * but also expects Axon's saga sequence to increment by 1, which Flyway made 50.) The ledger's engine appends
     * events without Hibernate, taking the index in its INSERT ({@link AppendOnlyJpaEventStorageEngine}); the setting
     * stays for anything that persists Axon's event entity through Hibernate.
     */
    public static final String PREFERRED_POOLED_OPTIMIZER = "hibernate.id.optimizer.pooled.preferred";

    /** The Hibernate setting naming the dialect. */
    public static final String DIALECT = "hibernate.dialect";

    /**
     * The storage engine, built from the same collaborators as Axon's own auto-configuration, but appending
     * snapshots instead of replacing them, and reading {@code ledger.event-store.batch-size} events per query.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager,
            @Value("${ledger.event-store.batch-size:100}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("ledger.event-store.batch-size must be at least 1, not " + batchSize);
        }
        return new AppendOnlyJpaEventStorageEngine(
                JpaEventStorageEngine.builder()
                        .batchSize(batchSize)
                        .snapshotSerializer(defaultSerializer)
                        .upcasterChain(configuration.upcasterChain())
                        .persistenceExceptionResolver(persistenceExceptionResolver)
                        .eventSerializer(eventSerializer)
                        .snapshotFilter(configuration.snapshotFilter())
                        .entityManagerProvider(entityManagerProvider)
                        .transactionManager(transactionManager),
                transactionManager);
    }

    /**
     * Axon's event store over the engine above, as Axon's auto-configuration builds it, except that the processors
     * share at most {@code ledger.event-store.cached-events} of the newest events in memory (default 1,000; Axon's is
     * 10,000). A processor within that many events of the newest reads them from memory; one further behind reads
     * from the database until it catches up. With 10,000, at a few hundred disclosures a second every event outlived
     * several young collections: each collection copied it again, and then moved it to the old generation. While 16
     * clients recorded disclosures, young collections copied up to 26 MB and paused up to 26 ms each, and the old
     * generation grew; with 1,000 they paused 8-20 ms and it stayed flat (README, "What limits each figure"). An
     * aggregate with no stored event is answered by one look-up ({@link LedgerEventStore}).
     */
    @Bean
    public EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            @Value("${ledger.event-store.cached-events:1000}") int cachedEvents) {
        if (cachedEvents < 1) {
            throw new IllegalArgumentException(
                    "ledger.event-store.cached-events must be at least 1, not " + cachedEvents);
        }
        return new LedgerEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents));
    }

    /**
     * Bounds every lock wait of the ledger's connections ({@value LockTimeout#PROPERTY}, default 30 s). Static, as a
     * post-processor of the data source must exist before it.
     */
    @Bean
    public static LockTimeout lockTimeout(@Value("${ledger.database.lock-timeout:30s}") Duration limit) {
        return new LockTimeout(limit);
    }

    /**
     * Keeps the application's connection pool for requests and gives the rest of the ledger's work a pool of
     * {@value RequestConnections#PROPERTY} connections (default 3; 0 keeps one pool). Static, as a post-processor of
     * the data source must exist before it.
     */
    @Bean
    public static RequestConnections requestConnections(
            @Value("${ledger.database.background-pool-size:3}") int backgroundPoolSize) {
        return new RequestConnections(backgroundPoolSize);
    }

    /** The background pool's Hikari metrics, which Spring Boot registers for the requests' pool only. */
    @Bean
    public BackgroundPoolMetrics backgroundPoolMetrics(ObjectProvider<DataSource> dataSources) {
        return new BackgroundPoolMetrics(dataSources);
    }

    /** How far each processor is behind the event store, from its stored tokens. */
    @Bean
    public ProcessorLag processorLag(JdbcTemplate jdbc) {
        return new ProcessorLag(jdbc);
    }

    /** Serves every streaming processor's lag as a gauge once the processors exist, when meters are collected. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> processorLagGauges(
            ProcessorLag lag, ObjectProvider<MeterRegistry> registry, EventProcessingConfiguration processing) {
        return ready -> registry.ifAvailable(meters -> lag.register(meters, processing));
    }

    /** Hibernate settings the event tables need, unless the application chose otherwise. */
    @Bean
    public HibernatePropertiesCustomizer ledgerEventStoreHibernateProperties() {
        return properties -> {
            properties.putIfAbsent(DIALECT, LedgerPostgreSQLDialect.class.getName());
            properties.putIfAbsent(SEQUENCE_MISMATCH_STRATEGY, "FIX");
            properties.putIfAbsent(PREFERRED_POOLED_OPTIMIZER, "pooled-lotl");
        };
    }
}
