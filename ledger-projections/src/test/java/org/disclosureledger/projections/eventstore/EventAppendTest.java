package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appending events: each row is what Axon's entity would have stored, written without Hibernate, its global index the
 * sequence's next value; a row that takes an aggregate's sequence number twice is refused as Axon refuses it.
 */
@SpringBootTest(
        classes = EventStoreTestApplication.class,
        properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class EventAppendTest {

    private static final String ROW = "SELECT global_index, aggregate_identifier, sequence_number, type,"
            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data"
            + " FROM domain_event_entry WHERE aggregate_identifier = ?";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    private Statistics statistics;

    @BeforeEach
    void countHibernateStatements() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
    }

    @Test
    void givenEvent_whenAppended_thenItsRowIsWhatAxonsEntityStores() {
        Instant at = Instant.parse("2025-07-01T12:00:00.123456789Z");
        MetaData metaData = MetaData.with("traceId", "trace-1").and("correlationId", "correlation-1");
        DomainEventMessage<?> appended = event("appended-row-1", 0, "event-appended-1", metaData, at);
        DomainEventMessage<?> persisted = event("persisted-row-1", 0, "event-persisted-1", metaData, at);

        transaction.executeWithoutResult(status -> storageEngine.appendEvents(appended));
        // Axon's own way: its entity, persisted through Hibernate.
        transaction.executeWithoutResult(
                status -> entityManager.persist(new DomainEventEntry(persisted, eventSerializer)));
        // Positive control for the next test: the statistics count Axon's way, and only it.
        assertThat(statistics.getEntityInsertCount()).isEqualTo(1);

        Map<String, Object> ours = jdbc.queryForMap(ROW, "appended-row-1");
        Map<String, Object> axons = jdbc.queryForMap(ROW, "persisted-row-1");
        assertThat(ours.get("event_identifier")).isEqualTo("event-appended-1");
        assertThat(ours.get("time_stamp")).isEqualTo("2025-07-01T12:00:00.123Z");
        for (String column : new String[] {"aggregate_identifier", "event_identifier", "global_index"}) {
            ours.remove(column);
            axons.remove(column);
        }
        assertThat(ours).usingRecursiveComparison().isEqualTo(axons);
        assertThat(ours.get("meta_data")).isNotNull();
    }

    @Test
    void givenEvents_whenAppended_thenNoHibernateStatementAndIndexesFromTheSequence() {
        long before = jdbc.queryForObject("SELECT nextval('domain_event_entry_seq')", Long.class);

        transaction.executeWithoutResult(status -> storageEngine.appendEvents(
                Examples.disclosureRecorded("indexed-1", 0), Examples.disclosureRecorded("indexed-1", 1)));

        assertThat(jdbc.queryForList(
                        "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " ORDER BY sequence_number",
                        Long.class,
                        "indexed-1"))
                .containsExactly(before + 1, before + 2);
        assertThat(statistics.getEntityInsertCount()).isZero();
        assertThat(statistics.getPrepareStatementCount()).isZero();
    }

    @Test
    void givenAggregateCreated_whenItsFirstEventIsAppendedAgain_thenRefusedAsACreationConflict() {
        transaction.executeWithoutResult(
                status -> storageEngine.appendEvents(Examples.disclosureRecorded("created-twice-1", 0)));

        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        status -> storageEngine.appendEvents(Examples.disclosureRecorded("created-twice-1", 0))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(countOf("created-twice-1")).isEqualTo(1);
    }

    @Test
    void givenAggregateWithEvents_whenALaterSequenceNumberIsAppendedAgain_thenRefusedAsAConcurrentChange() {
        transaction.executeWithoutResult(status -> storageEngine.appendEvents(
                Examples.disclosureRecorded("changed-twice-1", 0), Examples.disclosureRecorded("changed-twice-1", 1)));

        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        status -> storageEngine.appendEvents(Examples.disclosureRecorded("changed-twice-1", 1))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(countOf("changed-twice-1")).isEqualTo(2);
    }

    private long countOf(String aggregateIdentifier) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                aggregateIdentifier);
    }

    private static DomainEventMessage<?> event(
            String aggregateIdentifier, long sequenceNumber, String identifier, MetaData metaData, Instant at) {
        return new GenericDomainEventMessage<>(
                "Disclosure",
                aggregateIdentifier,
                sequenceNumber,
                Examples.eventsByName().get("DisclosureRecorded"),
                metaData,
                identifier,
                at);
    }
}
