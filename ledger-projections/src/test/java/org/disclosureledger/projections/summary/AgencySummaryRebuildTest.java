package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.core.disclosure.DataCategory.ADDRESS;
import static org.disclosureledger.core.disclosure.DataCategory.CLAIMS;
import static org.disclosureledger.core.disclosure.DataCategory.MEDICAID_ID;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.DataCategory.SSN;
import static org.disclosureledger.core.disclosure.PurposeOfUse.LAW;
import static org.disclosureledger.core.disclosure.PurposeOfUse.OVERSIGHT;
import static org.disclosureledger.projections.summary.SummaryExamples.ICE;
import static org.disclosureledger.projections.summary.SummaryExamples.OIG;
import static org.disclosureledger.projections.summary.SummaryExamples.correction;
import static org.disclosureledger.projections.summary.SummaryExamples.details;
import static org.disclosureledger.projections.summary.SummaryExamples.people;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.core.disclosure.AttachSubjects;
import org.disclosureledger.core.disclosure.CertifyDestruction;
import org.disclosureledger.core.disclosure.CorrectDisclosure;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.FollowOnId;
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

/** The agency summaries rebuilt from the event store hold exactly the rows they held before. */
@SpringBootTest(classes = SummaryTestApplication.class)
// Closed after the class, so its processor stops polling while other tests run and before the database stops.
@DirtiesContext
class AgencySummaryRebuildTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
        // The sample rulebook, not the permissive one of the other tests: it flags some of these disclosures.
        registry.add("ledger.rulebook.location", () -> "");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    AgencySummaryRebuild rebuild;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenVariedDisclosures_whenRebuiltFromEventStore_thenExactlyTheSameRows() {
        recordVariedDisclosures();
        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(30));
        Map<String, List<String>> before = ReadModelDump.of(jdbc, AgencySummaryProjection.TABLES);
        // The sample rulebook flagged everything sent to ICE or for law enforcement: 7 single and 3 bulk disclosures,
        // of which one single was judged again after each of its two corrections and the second left nothing to find.
        assertThat(jdbc.queryForObject("SELECT count(flag_severity) FROM summary_disclosure", Long.class))
                .isEqualTo(9);
        assertThat(jdbc.queryForObject("SELECT sum(flagged_concern) FROM summary_cell", Long.class))
                .isPositive();
        // Damage the tables, so that only a real rebuild from the events brings the rows back.
        jdbc.update("UPDATE summary_cell SET subjects = subjects + 1, records = 0, flagged_concern = 0");
        jdbc.update("UPDATE summary_disclosure SET flag_severity = NULL");
        jdbc.update("DELETE FROM summary_group_subject WHERE 1 = ANY (counts)");
        jdbc.update("DELETE FROM summary_disclosure WHERE custodian_state = 'IL'");

        rebuild.rebuild();
        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(30));

        // summary_subject has a row per listing (V13): the 7 people listed again in later chunks have two rows.
        assertThat(before.values())
                .as("rows of " + before.keySet())
                .extracting(List::size)
                .containsExactly(13, 1_425, 11, 7, 1_008);
        assertThat(ReadModelDump.of(jdbc, AgencySummaryProjection.TABLES)).isEqualTo(before);
    }

    private void recordVariedDisclosures() {
        List<PersonRef> people = people("rebuild", 40);
        for (int i = 0; i < 10; i++) {
            DisclosureId id = new DisclosureId("rebuild-single-" + i);
            Instant occurredAt = Instant.parse("2025-01-31T23:30:00Z").plus(Duration.ofHours(12L * i));
            commands.sendAndWait(new RecordDisclosure(
                    id,
                    i % 2 == 0
                            ? details(ICE, "CA", LAW, occurredAt, 10 + i, NAME, ADDRESS, MEDICAID_ID)
                            : details(OIG, "IL", OVERSIGHT, occurredAt, 100 + i, CLAIMS),
                    people.subList(i, i + 3 + i),
                    null,
                    "r" + i));
            if (i % 3 == 0) {
                commands.sendAndWait(new CorrectDisclosure(
                        id,
                        new FollowOnId("correction-" + i),
                        correction(
                                occurredAt.plus(Duration.ofDays(30)),
                                i % 2 == 0 ? OIG : ICE,
                                null,
                                List.of(NAME, SSN),
                                99L),
                        "Recipient, month, categories and count were wrong",
                        "c" + i));
            }
            if (i % 4 == 1) {
                commands.sendAndWait(new RequestDestruction(
                        id, new FollowOnId("destruction-" + i), "The custodian", "Agreement ended", null, "q" + i));
                commands.sendAndWait(new RequestDestruction(
                        id, new FollowOnId("destruction-b" + i), "A court", "Injunction", null, "qb" + i));
                commands.sendAndWait(new CertifyDestruction(
                        id,
                        new FollowOnId("certificate-" + i),
                        new FollowOnId("destruction-" + i),
                        "Records Officer",
                        Instant.parse("2025-06-30T17:00:00Z"),
                        "Shredding",
                        "x" + i));
            }
        }
        // Its second correction: oversight, a permitted purpose, by the OIG, which no agreement limits.
        commands.sendAndWait(new CorrectDisclosure(
                new DisclosureId("rebuild-single-0"),
                new FollowOnId("correction-again-0"),
                correction(null, null, OVERSIGHT, null, null),
                "The purpose was oversight",
                "ca0"));
        for (int b = 0; b < 3; b++) {
            DisclosureId bulk = new DisclosureId("rebuild-bulk-" + b);
            commands.sendAndWait(new OpenBulkDisclosure(
                    bulk,
                    details(ICE, "CA", LAW, Instant.parse("2025-02-10T08:00:00Z"), 500, NAME, ADDRESS),
                    null,
                    "b" + b));
            // Overlapping manifests: the bulk disclosures share most of their people.
            List<PersonRef> manifest = new ArrayList<>(people("rebuild-bulk", 400 + 50 * b));
            for (int chunk = 0; chunk * 150 < manifest.size(); chunk++) {
                List<PersonRef> subjects =
                        new ArrayList<>(manifest.subList(chunk * 150, Math.min(manifest.size(), (chunk + 1) * 150)));
                if (chunk > 0) {
                    subjects.set(0, manifest.get(0));
                }
                commands.sendAndWait(new AttachSubjects(bulk, chunk + 1, subjects));
            }
            if (b == 2) {
                commands.sendAndWait(new SealBulkDisclosure(bulk, manifest.size()));
                commands.sendAndWait(new CorrectDisclosure(
                        bulk,
                        new FollowOnId("correction-bulk"),
                        correction(null, null, OVERSIGHT, List.of(NAME), null),
                        "Purpose was oversight",
                        "cb"));
            }
        }
    }
}
