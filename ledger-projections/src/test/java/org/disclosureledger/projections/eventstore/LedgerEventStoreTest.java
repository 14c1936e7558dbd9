package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading an aggregate's events: one that has none is answered by one look-up, without the snapshot and event
 * queries Axon runs through Hibernate, and with what the unit of work applied to it; one that has events is read as
 * Axon reads it. Hibernate's statistics count the queries that went through Hibernate; the look-up does not.
 */
@SpringBootTest(
        classes = EventStoreTestApplication.class,
        properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class LedgerEventStoreTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    JdbcTemplate jdbc;

    private Statistics statistics;

    @BeforeEach
    void countHibernateQueries() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
    }

    @Test
    void givenAggregateWithoutEvents_whenRead_thenEmptyWithoutHibernateQueries() {
        List<DomainEventMessage<?>> events = transaction.execute(status -> read("never-recorded-1"));

        assertThat(events).isEmpty();
        assertThat(statistics.getQueryExecutionCount()).isZero();
    }

    @Test
    void givenRecordedDisclosure_whenRead_thenItsEventsAsAxonReadsThem() {
        DisclosureId id = new DisclosureId("read-back-1");
        commands.sendAndWait(
                new RecordDisclosure(id, Examples.details(), Examples.people("read-back-1", 2), null, "r1"));
        statistics.clear();

        List<DomainEventMessage<?>> events = transaction.execute(status -> read(id.value()));

        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L);
        assertThat(events.get(0).getPayloadType().getSimpleName()).isEqualTo("DisclosureRecorded");
        // Positive control: the statistics do count Axon's reads (the snapshot query and the event query).
        assertThat(statistics.getQueryExecutionCount()).isEqualTo(2);
    }

    @Test
    void givenEventAppliedInTheUnitOfWork_whenReadBeforeItIsStored_thenReturned() {
        DomainEventMessage<?> applied = Examples.disclosureRecorded("applied-only-1", 0);

        List<DomainEventMessage<?>> events = transaction.execute(status -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                eventStore.publish(applied);
                return read("applied-only-1");
            } finally {
                unitOfWork.rollback();
            }
        });

        assertThat(events).extracting(DomainEventMessage::getIdentifier).containsExactly(applied.getIdentifier());
        assertThat(statistics.getQueryExecutionCount()).isZero();
    }

    @Test
    void givenEventAppendedEarlierInTheTransaction_whenRead_thenTheLookUpSeesIt() {
        DomainEventMessage<?> appended = Examples.disclosureRecorded("appended-uncommitted-1", 0);

        List<DomainEventMessage<?>> events = transaction.execute(status -> {
            storageEngine.appendEvents(appended);
            List<DomainEventMessage<?>> read = read("appended-uncommitted-1");
            status.setRollbackOnly();
            return read;
        });

        assertThat(events).extracting(DomainEventMessage::getIdentifier).containsExactly(appended.getIdentifier());
    }

    /**
     * The look-up runs as a prepared statement, for which PostgreSQL may keep one plan for every aggregate, made while
     * the table was new and never analysed (this test's database is fresh; the other tests add an event or none);
     * even that plan reads the index, never the whole table.
     */
    @Test
    void givenNewEventTable_whenTheLookUpIsPlannedForAnyAggregate_thenItReadsTheIndex() {
        String plan = transaction.execute(status -> {
            jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            jdbc.execute("PREPARE first_event_of_aggregate (text) AS "
                    + AppendOnlyJpaEventStorageEngine.ANY_EVENT_OF_AGGREGATE.replace("?", "$1"));
            try {
                return String.join(
                        "\n", jdbc.queryForList("EXPLAIN EXECUTE first_event_of_aggregate ('any')", String.class));
            } finally {
                jdbc.execute("DEALLOCATE first_event_of_aggregate");
            }
        });

        assertThat(plan).contains("domain_event_entry_aggregate_sequence_key").doesNotContain("Seq Scan");
    }

    private List<DomainEventMessage<?>> read(String aggregateIdentifier) {
        return eventStore
                .readEvents(aggregateIdentifier)
                .asStream()
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
    }
}
