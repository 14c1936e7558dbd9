package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.core.disclosure.DataCategory.CLAIMS;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.PurposeOfUse.LAW;
import static org.disclosureledger.core.disclosure.PurposeOfUse.OVERSIGHT;
import static org.disclosureledger.core.rulebook.Severity.CONCERN;
import static org.disclosureledger.projections.summary.AgencySummaryProjectionTest.cell;
import static org.disclosureledger.projections.summary.SummaryExamples.ICE;
import static org.disclosureledger.projections.summary.SummaryExamples.OIG;
import static org.disclosureledger.projections.summary.SummaryExamples.correction;
import static org.disclosureledger.projections.summary.SummaryExamples.details;
import static org.disclosureledger.projections.summary.SummaryExamples.people;
import static org.disclosureledger.projections.summary.SummaryExamples.person;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.AttachSubjects;
import org.disclosureledger.core.disclosure.CertifyDestruction;
import org.disclosureledger.core.disclosure.CorrectDisclosure;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.OpenBulkDisclosure;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.disclosure.RequestDestruction;
import org.disclosureledger.core.disclosure.SealBulkDisclosure;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.testing.CatchUp;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Commands sent through Axon reach the agency summaries: the events are stored in PostgreSQL, the agency-summaries
 * processor handles them on its segments, and the query service and the CSV read them back.
 */
@SpringBootTest(classes = SummaryTestApplication.class)
// Closed after the class, so its processor stops polling while other tests run and before the database stops.
@DirtiesContext
class AgencySummaryEndToEndTest {

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
    AgencySummaryQueries queries;

    @Test
    void givenDisclosuresThroughCommands_whenProcessed_thenSummariesAndCsvShowThem() {
        PersonRef ana = person("ana");
        PersonRef ben = person("ben");
        DisclosureId single = new DisclosureId("ca-e2e-1");
        DisclosureId bulk = new DisclosureId("ca-e2e-bulk");
        DisclosureId misfiled = new DisclosureId("il-e2e-1");
        commands.sendAndWait(new RecordDisclosure(
                single,
                details(ICE, "CA", LAW, Instant.parse("2025-06-15T09:30:00Z"), 2, NAME),
                List.of(ana, ben),
                null,
                "r1"));
        commands.sendAndWait(new OpenBulkDisclosure(
                bulk, details(ICE, "CA", LAW, Instant.parse("2025-06-20T08:00:00Z"), 40, NAME), null, "b1"));
        commands.sendAndWait(new AttachSubjects(bulk, 1, people("e2e", 20)));
        commands.sendAndWait(new AttachSubjects(bulk, 2, List.of(ana, person("e2e-last"))));
        commands.sendAndWait(new SealBulkDisclosure(bulk, 22));
        commands.sendAndWait(new RequestDestruction(
                bulk,
                new FollowOnId("destruction-1"),
                "Attorney General of California",
                "Injunction",
                LocalDate.parse("2025-09-30"),
                "q1"));
        commands.sendAndWait(new RecordDisclosure(
                misfiled,
                details(ICE, "IL", OVERSIGHT, Instant.parse("2025-05-31T23:00:00Z"), 7, CLAIMS),
                List.of(person("il-ana")),
                null,
                "r2"));
        commands.sendAndWait(new CorrectDisclosure(
                misfiled,
                new FollowOnId("correction-1"),
                correction(null, OIG, null, null, null),
                "It went to the OIG",
                "c1"));
        commands.sendAndWait(new CertifyDestruction(
                misfiled,
                new FollowOnId("certificate-1"),
                null,
                "OIG Records Officer",
                Instant.parse("2025-06-30T17:00:00Z"),
                "Shredding",
                "x1"));

        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(30));

        AgencyBreakdown ice =
                queries.breakdown(BreakdownRequest.all(new AgencyId(ICE))).orElseThrow();
        // The sample rulebook flags both: law enforcement is not a purpose of 42 CFR 431.302. The IL disclosure,
        // for oversight, was flagged for reaching ICE before the agreement's access window; the correction naming the
        // OIG as its recipient left nothing to find.
        assertThat(ice.cells())
                .containsExactly(new SummaryCell(
                        new StateCode("CA"), LAW, NAME, YearMonth.of(2025, 6), 2, 23, 42, 1, 0, 2, CONCERN));
        assertThat(queries.breakdown(BreakdownRequest.all(new AgencyId(OIG)))
                        .orElseThrow()
                        .cells())
                .containsExactly(cell("IL", OVERSIGHT, CLAIMS, "2025-05", 1, 1, 7, 0, 1));
        assertThat(queries.agencies())
                .containsExactly(
                        new AgencyTotals(new AgencyId(ICE), "Agency " + ICE, 2, 23, 42, 1, 0, 2, 23, CONCERN),
                        new AgencyTotals(new AgencyId(OIG), "Agency " + OIG, 1, 1, 7, 0, 1, 0, 0, null));
        assertThat(BreakdownCsv.render(ice))
                .isEqualTo(String.join(",", BreakdownCsv.HEADER) + "\r\n"
                        + "us-dhs-ice,Agency us-dhs-ice,CA,LAW,NAME,2025-06,2,23,42,1,0,2,CONCERN\r\n");
    }
}
