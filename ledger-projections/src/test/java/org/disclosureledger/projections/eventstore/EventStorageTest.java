package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.disclosureledger.core.disclosure.AttachSubjects;
import org.disclosureledger.core.disclosure.CertifyDestruction;
import org.disclosureledger.core.disclosure.CorrectDisclosure;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisputeDisclosure;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LiftSuspension;
import org.disclosureledger.core.disclosure.OpenBulkDisclosure;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.disclosure.RequestDestruction;
import org.disclosureledger.core.disclosure.SealBulkDisclosure;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.Optimizer;
import org.hibernate.id.enhanced.PooledLoThreadLocalOptimizer;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Commands sent through Axon reach PostgreSQL as JSON events under their stable names, and read back unchanged. */
@SpringBootTest(classes = EventStoreTestApplication.class)
class EventStorageTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    /**
     * Where Hibernate generates an event's global index, it is the sequence's next value, taken without a lock shared by
     * every thread: with Hibernate's pooled optimizer every request appending an event waited for the others' round
     * trips to the sequence. The ledger's engine takes the index in its own INSERT ({@code EventAppendTest}); this
     * covers anything that persists Axon's event entity through Hibernate.
     */
    @Test
    void givenEventTable_whenItsGlobalIndexIsGenerated_thenNoOptimizerSerialisesTheSequenceCalls() {
        Generator generator = entityManagerFactory
                .unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(DomainEventEntry.class)
                .getGenerator();

        assertThat(generator).isInstanceOf(SequenceStyleGenerator.class);
        Optimizer optimizer = ((SequenceStyleGenerator) generator).getOptimizer();
        assertThat(optimizer).isInstanceOf(PooledLoThreadLocalOptimizer.class);
        // Each thread's block is the sequence's increment: one index, the sequence's next value.
        assertThat(optimizer.getIncrementSize()).isEqualTo(1);
    }

    @Test
    void givenRecordedDisclosure_whenStored_thenPayloadTypeIsStableNameAndPayloadIsIsoJson() {
        DisclosureId id = new DisclosureId("ca-dhcs-storage-1");
        List<PersonRef> subjects = Examples.people("storage-1", 2);

        commands.sendAndWait(new RecordDisclosure(id, Examples.details(), subjects, Examples.suspension(), "d1"));

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT payload_type, payload_revision, type,
                       convert_from(payload, 'UTF8')::jsonb ->> 'recordedAt' AS recorded_at,
                       convert_from(payload, 'UTF8')::jsonb -> 'details' ->> 'occurredAt' AS occurred_at,
                       convert_from(payload, 'UTF8')::jsonb -> 'suspension' ->> 'until' AS suspended_until,
                       convert_from(payload, 'UTF8')::jsonb -> 'subjects' ->> 0 AS first_subject,
                       jsonb_typeof(convert_from(meta_data, 'UTF8')::jsonb) AS meta_data_type
                FROM domain_event_entry WHERE aggregate_identifier = ?""", id.value());
        assertThat(row)
                .containsEntry("payload_type", "DisclosureRecorded")
                .containsEntry("payload_revision", "1")
                .containsEntry("type", "Disclosure")
                .containsEntry("recorded_at", "2025-07-01T12:00:00Z")
                .containsEntry("occurred_at", "2025-06-15T09:30:00Z")
                .containsEntry("suspended_until", "2026-01-01")
                .containsEntry("first_subject", subjects.get(0).value())
                .containsEntry("meta_data_type", "object");
    }

    @Test
    void givenSuccessiveCommands_whenStored_thenGlobalIndexesAreConsecutive() {
        DisclosureId bulk = new DisclosureId("ca-dhcs-storage-2");
        DisclosureId single = new DisclosureId("ca-dhcs-storage-3");

        commands.sendAndWait(new OpenBulkDisclosure(bulk, Examples.details(), null, "d2"));
        commands.sendAndWait(
                new RecordDisclosure(single, Examples.details(), Examples.people("storage-3", 1), null, "d3"));
        for (int chunk = 1; chunk <= 5; chunk++) {
            commands.sendAndWait(new AttachSubjects(bulk, chunk, Examples.people("storage-2-" + chunk, 3)));
        }

        List<Long> indexes = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry"
                        + " WHERE aggregate_identifier IN (?, ?) ORDER BY global_index",
                Long.class,
                bulk.value(),
                single.value());
        assertThat(indexes).hasSize(7);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).as("index after " + indexes.get(i - 1)).isEqualTo(indexes.get(i - 1) + 1);
        }
    }

    @Test
    void givenEveryKindOfEvent_whenReadBackFromEventStore_thenEqualToWhatWasApplied() {
        List<EventMessage<?>> published = new CopyOnWriteArrayList<>();
        Registration subscription = eventStore.subscribe(published::addAll);
        DisclosureId single = new DisclosureId("ca-dhcs-storage-4");
        DisclosureId bulk = new DisclosureId("ca-dhcs-storage-5");
        List<PersonRef> subjects = Examples.people("storage-4", 3);
        try {
            commands.sendAndWait(
                    new RecordDisclosure(single, Examples.details(), subjects, Examples.suspension(), "d4"));
            commands.sendAndWait(new CorrectDisclosure(
                    single,
                    new FollowOnId("correction-1"),
                    Examples.correction(),
                    "It was query access, not a file",
                    "c1"));
            commands.sendAndWait(new RequestDestruction(
                    single,
                    new FollowOnId("destruction-1"),
                    "Attorney General of California",
                    "Preliminary injunction",
                    LocalDate.parse("2025-09-30"),
                    "r1"));
            commands.sendAndWait(new CertifyDestruction(
                    single,
                    new FollowOnId("certificate-1"),
                    new FollowOnId("destruction-1"),
                    "ICE Records Officer",
                    Instant.parse("2025-06-30T17:00:00Z"),
                    "NIST SP 800-88 purge",
                    "x1"));
            commands.sendAndWait(new LiftSuspension(
                    single, new FollowOnId("lift-1"), "Order vacating the seal", "Investigation concluded", "l1"));
            // A subject disputes it once the hold is lifted (before, a dispute is refused).
            commands.sendAndWait(new DisputeDisclosure(
                    single, new FollowOnId("dispute-1"), subjects.get(1), "I never consented", "p1"));
            commands.sendAndWait(new OpenBulkDisclosure(bulk, Examples.details(), null, "d5"));
            commands.sendAndWait(new AttachSubjects(bulk, 1, Examples.people("storage-5", 4)));
            commands.sendAndWait(new SealBulkDisclosure(bulk, 4));
        } finally {
            subscription.cancel();
        }

        List<DomainEventMessage<?>> stored = new ArrayList<>();
        eventStore.readEvents(single.value()).asStream().forEach(stored::add);
        eventStore.readEvents(bulk.value()).asStream().forEach(stored::add);

        assertThat(stored)
                .extracting(m -> m.getPayloadType().getSimpleName())
                .containsExactly(
                        "DisclosureRecorded",
                        "DisclosureCorrected",
                        "DestructionRequested",
                        "DestructionCertified",
                        "SuspensionLifted",
                        "DisclosureDisputed",
                        "BulkDisclosureOpened",
                        "BulkSubjectsAttached",
                        "BulkDisclosureSealed");
        assertThat(stored.stream().map(m -> (Object) m.getPayload()).toList())
                .isEqualTo(published.stream().map(m -> (Object) m.getPayload()).toList());
        assertThat(stored.stream().map(m -> identifierAndTime(m)).toList())
                .isEqualTo(published.stream().map(m -> identifierAndTime(m)).toList());
    }

    /** Axon stores an event's timestamp to the millisecond. */
    private static String identifierAndTime(EventMessage<?> message) {
        return message.getIdentifier() + "@" + message.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
    }
}
