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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.core.disclosure.AttachSubjects;
import org.disclosureledger.core.disclosure.CertifyDestruction;
import org.disclosureledger.core.disclosure.CorrectDisclosure;
import org.disclosureledger.core.disclosure.DetailsCorrection;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisputeDisclosure;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LiftSuspension;
import org.disclosureledger.core.disclosure.OpenBulkDisclosure;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.disclosure.RequestDestruction;
import org.disclosureledger.core.disclosure.SealBulkDisclosure;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.readmodel.ReadModelDump;
import org.disclosureledger.projections.testing.CatchUp;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The person history rebuilt from the event store holds exactly the rows it held before. */
@SpringBootTest(classes = HistoryTestApplication.class)
// Closed after the class, so its processor stops polling while other tests run and before the database stops.
@DirtiesContext
class PersonHistoryRebuildTest {

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
    JdbcTemplate jdbc;

    @Test
    void givenVariedDisclosures_whenRebuiltFromEventStore_thenExactlyTheSameRows() {
        recordVariedDisclosures();
        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(30));
        Map<String, List<String>> before = ReadModelDump.of(jdbc, PersonHistoryProjection.TABLES);
        // Damage the tables, so that only a real rebuild from the events brings the rows back.
        jdbc.update("UPDATE history_disclosure SET purpose_text = 'tampered'");
        jdbc.update("DELETE FROM history_subject WHERE subject_index % 2 = 0");
        jdbc.update("DELETE FROM history_dispute");

        rebuild.rebuild();
        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(30));

        assertThat(before.values())
                .as("rows of " + before.keySet())
                .extracting(List::size)
                .containsExactly(13, 2_612, 4, 4, 2, 2, 0, 4);
        assertThat(ReadModelDump.of(jdbc, PersonHistoryProjection.TABLES)).isEqualTo(before);
    }

    private void recordVariedDisclosures() {
        List<PersonRef> people = people("rebuild", 30);
        for (int i = 0; i < 10; i++) {
            DisclosureId id = new DisclosureId("rebuild-single-" + i);
            Instant occurredAt = Instant.parse("2019-01-15T10:00:00Z").plus(Duration.ofDays(200L * i));
            commands.sendAndWait(new RecordDisclosure(
                    id,
                    i % 2 == 0 ? toIce(occurredAt) : toAuditor(occurredAt),
                    people.subList(i, i + 3 + i),
                    i % 3 == 0 ? sealedUntil("2026-01-01") : null,
                    "r" + i));
            if (i % 3 == 0 && i % 2 == 0) {
                commands.sendAndWait(new LiftSuspension(
                        id, new FollowOnId("lift-" + i), "Order vacating the seal", "Done", "l" + i));
            }
            if (i % 4 == 0) {
                commands.sendAndWait(new CorrectDisclosure(
                        id,
                        new FollowOnId("correction-" + i),
                        new DetailsCorrection(
                                null, null, null, null, null, null, null, null, null, null, 99L, Set.of()),
                        "The record count was wrong",
                        "c" + i));
            }
            if (i % 3 == 1) {
                commands.sendAndWait(
                        new DisputeDisclosure(id, new FollowOnId("dispute-" + i), people.get(i), "Not me", "p" + i));
            }
        }
        DisclosureId corrected = new DisclosureId("rebuild-single-2");
        commands.sendAndWait(new CorrectDisclosure(
                corrected, new FollowOnId("correction-2b"), madeQueryAccess(), "Query access", "c2b"));
        commands.sendAndWait(new RequestDestruction(
                corrected,
                new FollowOnId("destruction-1"),
                "Attorney General of California",
                "Preliminary injunction",
                LocalDate.parse("2025-09-30"),
                "q1"));
        commands.sendAndWait(new RequestDestruction(
                corrected, new FollowOnId("destruction-2"), "The custodian", "Agreement ended", null, "q2"));
        commands.sendAndWait(new CertifyDestruction(
                corrected,
                new FollowOnId("certificate-1"),
                new FollowOnId("destruction-1"),
                "ICE Records Officer",
                Instant.parse("2025-06-30T17:00:00Z"),
                "NIST SP 800-88 purge",
                "x1"));
        commands.sendAndWait(new CertifyDestruction(
                corrected,
                new FollowOnId("certificate-2"),
                null,
                "ICE Records Officer",
                Instant.parse("2025-06-30T18:00:00Z"),
                "Shredding",
                "x2"));

        DisclosureId sealedBulk = new DisclosureId("rebuild-bulk-sealed");
        commands.sendAndWait(
                new OpenBulkDisclosure(sealedBulk, toIce(Instant.parse("2025-06-01T08:00:00Z")), null, "b1"));
        List<PersonRef> manifest = new ArrayList<>(people("rebuild-bulk", 2_500));
        for (int chunk = 0; chunk < 5; chunk++) {
            List<PersonRef> subjects = new ArrayList<>(manifest.subList(chunk * 500, (chunk + 1) * 500));
            // The first person of the previous chunk again: a manifest may list a person twice.
            if (chunk > 0) {
                subjects.set(17, manifest.get((chunk - 1) * 500));
            }
            commands.sendAndWait(new AttachSubjects(sealedBulk, chunk + 1, subjects));
        }
        commands.sendAndWait(new SealBulkDisclosure(sealedBulk, 2_500));
        commands.sendAndWait(
                new DisputeDisclosure(sealedBulk, new FollowOnId("dispute-bulk"), manifest.get(3), "Not me", "pb"));

        DisclosureId openBulk = new DisclosureId("rebuild-bulk-open");
        commands.sendAndWait(new OpenBulkDisclosure(
                openBulk, toAuditor(Instant.parse("2025-06-10T08:00:00Z")), sealedUntil("2026-06-01"), "b2"));
        commands.sendAndWait(new AttachSubjects(openBulk, 1, people("rebuild-open", 40)));
        commands.sendAndWait(new AttachSubjects(openBulk, 2, List.of(person("rebuild-open-extra"))));
        DisclosureId secondOpen = new DisclosureId("rebuild-bulk-empty");
        commands.sendAndWait(
                new OpenBulkDisclosure(secondOpen, toIce(Instant.parse("2025-06-11T08:00:00Z")), null, "b3"));
    }
}
