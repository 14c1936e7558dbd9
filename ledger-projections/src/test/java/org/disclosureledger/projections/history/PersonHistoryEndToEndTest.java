package org.disclosureledger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.projections.history.HistoryExamples.madeQueryAccess;
import static org.disclosureledger.projections.history.HistoryExamples.people;
import static org.disclosureledger.projections.history.HistoryExamples.person;
import static org.disclosureledger.projections.history.HistoryExamples.sealedUntil;
import static org.disclosureledger.projections.history.HistoryExamples.toAuditor;
import static org.disclosureledger.projections.history.HistoryExamples.toIce;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.core.disclosure.AttachSubjects;
import org.disclosureledger.core.disclosure.CertifyDestruction;
import org.disclosureledger.core.disclosure.CorrectDisclosure;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.DisputeDisclosure;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LiftSuspension;
import org.disclosureledger.core.disclosure.OpenBulkDisclosure;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.disclosure.RequestDestruction;
import org.disclosureledger.core.disclosure.SealBulkDisclosure;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.testing.CatchUp;
import org.disclosureledger.projections.testing.MutableClock;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Commands sent through Axon reach each subject's history: the events are stored in PostgreSQL, the person-history
 * processor handles them, and the query service reads them back as each person may see them.
 */
@SpringBootTest(classes = HistoryTestApplication.class)
// Closed after the class, so its processor stops polling while other tests run and before the database stops.
@DirtiesContext
class PersonHistoryEndToEndTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    PersonHistoryRebuild rebuild;

    @Autowired
    PersonHistoryQueries queries;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    final PersonRef ana = person("e2e-ana");
    final PersonRef ben = person("e2e-ben");

    @Test
    void givenApplication_whenStarted_thenPersonHistoryRunsOnPooledProcessorWithTokensInPostgres() {
        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(30));

        assertThat(rebuild.processor()).isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM token_entry WHERE processor_name = ?",
                        Integer.class,
                        PersonHistoryProjection.PROCESSING_GROUP))
                .isEqualTo(16);
    }

    @Test
    void givenCommandsThroughAxon_whenProcessorCaughtUp_thenEachSubjectReadsTheirHistory() {
        clock.set(HistoryExamples.NOW);
        DisclosureId corrected = new DisclosureId("ca-e2e-corrected");
        DisclosureId suspended = new DisclosureId("ca-e2e-suspended");
        DisclosureId lifted = new DisclosureId("il-e2e-lifted");
        DisclosureId bulk = new DisclosureId("ca-e2e-bulk");
        commands.sendAndWait(new RecordDisclosure(
                corrected, toIce(Instant.parse("2025-06-15T09:30:00Z")), List.of(ana, ben), null, "r1"));
        commands.sendAndWait(new CorrectDisclosure(
                corrected, new FollowOnId("correction-1"), madeQueryAccess(), "It was query access", "c1"));
        commands.sendAndWait(
                new DisputeDisclosure(corrected, new FollowOnId("dispute-1"), ana, "I never consented to this.", "p1"));
        commands.sendAndWait(new RequestDestruction(
                corrected,
                new FollowOnId("destruction-1"),
                "Attorney General of California",
                "Preliminary injunction",
                LocalDate.parse("2025-09-30"),
                "q1"));
        commands.sendAndWait(new CertifyDestruction(
                corrected,
                new FollowOnId("certificate-1"),
                new FollowOnId("destruction-1"),
                "ICE Records Officer",
                Instant.parse("2025-06-30T17:00:00Z"),
                "NIST SP 800-88 purge",
                "x1"));
        commands.sendAndWait(new RecordDisclosure(
                suspended,
                toIce(Instant.parse("2025-06-25T09:30:00Z")),
                List.of(ana),
                sealedUntil("2026-01-01"),
                "r2"));
        commands.sendAndWait(new RecordDisclosure(
                lifted,
                toAuditor(Instant.parse("2025-05-01T10:00:00Z")),
                List.of(ana),
                sealedUntil("2026-01-01"),
                "r3"));
        commands.sendAndWait(new LiftSuspension(lifted, new FollowOnId("lift-1"), "Court order", "Concluded", "l1"));
        commands.sendAndWait(new OpenBulkDisclosure(bulk, toIce(Instant.parse("2025-06-20T08:00:00Z")), null, "b1"));
        commands.sendAndWait(new AttachSubjects(bulk, 1, people("e2e-bulk", 3)));
        commands.sendAndWait(new AttachSubjects(bulk, 2, List.of(ben, ana)));
        commands.sendAndWait(new SealBulkDisclosure(bulk, 5));

        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(30));
        List<HistoryEntry> anas =
                queries.historyOf(HistoryRequest.firstPage(ana)).entries();
        List<HistoryEntry> bens =
                queries.historyOf(HistoryRequest.firstPage(ben)).entries();

        assertThat(anas).hasSize(4);
        assertThat(anas.get(0))
                .isEqualTo(new WithheldEntry(
                        LocalDate.parse("2026-01-01"), sealedUntil("2026-01-01").authority()));
        assertThat(anas.subList(1, 4))
                .extracting(entry -> ((VisibleEntry) entry).disclosureId())
                .containsExactly(bulk, corrected, lifted);
        VisibleEntry anasBulk = (VisibleEntry) anas.get(1);
        assertThat(anasBulk.status()).isEqualTo(RecordingStatus.SEALED);
        assertThat(anasBulk.subjectIndex()).isEqualTo(4);
        assertThat(anasBulk.subjectCount()).isEqualTo(5);
        assertThat(anasBulk.manifestRoot()).hasSize(64);
        VisibleEntry anasCorrected = (VisibleEntry) anas.get(2);
        assertThat(anasCorrected.details().mode()).isEqualTo(DisclosureMode.QUERY_ACCESS);
        assertThat(anasCorrected.originalDetails().mode()).isEqualTo(DisclosureMode.BULK_FILE);
        assertThat(anasCorrected.corrections().get(0).correctedAt()).isEqualTo(HistoryExamples.NOW);
        assertThat(anasCorrected.disputes())
                .extracting(Dispute::statement)
                .containsExactly("I never consented to this.");
        assertThat(anasCorrected.destructionRequests())
                .extracting(DestructionRequest::dueBy)
                .containsExactly(LocalDate.parse("2025-09-30"));
        assertThat(anasCorrected.destructionCertifications())
                .extracting(DestructionCertification::destroyedAt)
                .containsExactly(Instant.parse("2025-06-30T17:00:00Z"));
        VisibleEntry anasLifted = (VisibleEntry) anas.get(3);
        assertThat(anasLifted.suspension().lifted()).isTrue();
        assertThat(anasLifted.details()).isEqualTo(toAuditor(Instant.parse("2025-05-01T10:00:00Z")));
        assertThat(bens)
                .extracting(entry -> ((VisibleEntry) entry).disclosureId())
                .containsExactly(bulk, corrected);
        assertThat(((VisibleEntry) bens.get(1)).disputes()).isEmpty();

        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(queries.historyOf(HistoryRequest.firstPage(ana)).entries())
                .extracting(entry -> ((VisibleEntry) entry).disclosureId())
                .containsExactly(suspended, bulk, corrected, lifted);
        clock.set(HistoryExamples.NOW);
    }
}
