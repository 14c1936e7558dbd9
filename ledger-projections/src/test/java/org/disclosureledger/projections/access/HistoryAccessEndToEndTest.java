package org.disclosureledger.projections.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.core.access.AccessAlreadyRecorded;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.RecordHistoryAccess;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.history.HistoryPage;
import org.disclosureledger.projections.history.HistoryRequest;
import org.disclosureledger.projections.history.PersonHistoryQueries;
import org.disclosureledger.projections.history.PersonHistoryRebuild;
import org.disclosureledger.projections.readmodel.ReadModelDump;
import org.disclosureledger.projections.summary.AgencySummaryQueries;
import org.disclosureledger.projections.summary.AgencySummaryRebuild;
import org.disclosureledger.projections.summary.AgencyTotals;
import org.disclosureledger.projections.testing.CatchUp;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reads recorded through Axon reach the access log: stored in PostgreSQL, handled by the access-log processor, listed
 * back to the person. The person history and the agency summaries, which see the same events, take no read for a
 * disclosure; every read model rebuilds from an event store holding reads.
 */
@SpringBootTest(classes = AccessTestApplication.class)
// Closed after the class, so its processors stop polling while other tests run and before the database stops.
@DirtiesContext
class HistoryAccessEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Reader AUDITOR = new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    HistoryAccessLog log;

    @Autowired
    HistoryAccessRebuild rebuild;

    @Autowired
    PersonHistoryQueries history;

    @Autowired
    PersonHistoryRebuild historyRebuild;

    @Autowired
    AgencySummaryQueries summaries;

    @Autowired
    AgencySummaryRebuild summaryRebuild;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenApplication_whenStarted_thenTheAccessLogRunsOnAPooledProcessorWithOneTokenInPostgres() {
        CatchUp.await(rebuild.processor(), eventStore, PATIENCE);

        assertThat(rebuild.processor()).isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM token_entry WHERE processor_name = ?",
                        Integer.class,
                        HistoryAccessProjection.PROCESSING_GROUP))
                .isEqualTo(1);
    }

    @Test
    void givenADisclosureAndReadsOfItsSubject_whenCaughtUp_thenTheReadsAreListedAndCountAsNoDisclosure() {
        PersonRef ana = person("e2e-ana");
        record("e2e-disclosure", ana);
        read("e2e-read-1", ana, AUDITOR, "Complaint 2025-118", "2025-10-02T14:05:00Z");
        read(
                "e2e-read-2",
                ana,
                new Reader("the enrollee", ReaderRole.ENROLLEE),
                "reading their own records",
                "2025-10-03T08:00:00Z");
        caughtUp();

        assertThat(log.accessesOf(ana, 10))
                .extracting(HistoryAccessView::readerSubject, HistoryAccessView::role, HistoryAccessView::purpose)
                .containsExactly(
                        tuple("the enrollee", ReaderRole.ENROLLEE, "reading their own records"),
                        tuple("auditor-ca@example.gov", ReaderRole.AUDITOR, "Complaint 2025-118"));
        assertThat(history.historyOf(HistoryRequest.firstPage(ana)).totalEntries())
                .as("the person's history lists the disclosure, not the reads")
                .isEqualTo(1);
        assertThat(summaries.agencies().stream()
                        .mapToLong(AgencyTotals::disclosures)
                        .sum())
                .as("the agency summaries count disclosures, not reads")
                .isEqualTo(storedEvents("DisclosureRecorded"))
                .isLessThan(storedEvents("DisclosureRecorded") + storedEvents("HistoryAccessed"));
    }

    @Test
    void givenARecordedRead_whenItsAccessIdIsRecordedAgain_thenRefusedAndStoredOnce() {
        PersonRef ben = person("e2e-ben");
        read("e2e-twice", ben, AUDITOR, "Audit", "2025-10-02T14:05:00Z");

        assertThatThrownBy(() -> read("e2e-twice", ben, AUDITOR, "Audit", "2025-10-02T14:05:00Z"))
                .isInstanceOf(AccessAlreadyRecorded.class);
        caughtUp();

        assertThat(eventsUnder("e2e-twice")).isEqualTo(1);
        assertThat(log.accessesOf(ben, 10)).hasSize(1);
    }

    @Test
    void givenADisclosure_whenAReadIsRecordedUnderItsId_thenRefusedAndTheDisclosuresStreamIsUntouched() {
        PersonRef carla = person("e2e-carla");
        record("e2e-taken", carla);

        assertThatThrownBy(() -> read("e2e-taken", carla, AUDITOR, "Audit", "2025-10-02T14:05:00Z"))
                .as("a disclosure's stream does not load as a read's")
                .isInstanceOf(IncompatibleAggregateException.class);

        assertThat(eventsUnder("e2e-taken")).isEqualTo(1);
    }

    @Test
    void givenReadsInTheEventStore_whenEveryReadModelIsRebuilt_thenTheSameRows() {
        PersonRef dora = person("e2e-dora");
        record("e2e-rebuild", dora);
        for (int i = 0; i < 5; i++) {
            read("e2e-rebuild-read-" + i, dora, AUDITOR, "Audit " + i, "2025-10-0" + (i + 1) + "T10:00:00Z");
        }
        caughtUp();
        List<String> accessTables = List.of("history_access");
        Map<String, List<String>> accessesBefore = ReadModelDump.of(jdbc, accessTables);
        HistoryPage historyBefore = history.historyOf(HistoryRequest.firstPage(dora));
        jdbc.update("DELETE FROM history_access WHERE purpose <> 'Audit 0'");

        rebuild.rebuild();
        historyRebuild.rebuild();
        summaryRebuild.rebuild();
        caughtUp();

        assertThat(accessesBefore.get("history_access")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(ReadModelDump.of(jdbc, accessTables)).isEqualTo(accessesBefore);
        assertThat(history.historyOf(HistoryRequest.firstPage(dora))).isEqualTo(historyBefore);
        assertThat(historyBefore.totalEntries()).isEqualTo(1);
        assertThat(log.accessesOf(dora, 10)).hasSize(5);
    }

    private void caughtUp() {
        CatchUp.await(rebuild.processor(), eventStore, PATIENCE);
        CatchUp.await(historyRebuild.processor(), eventStore, PATIENCE);
        CatchUp.await(summaryRebuild.processor(), eventStore, PATIENCE);
    }

    private long storedEvents(String payloadType) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class, payloadType);
    }

    private long eventsUnder(String aggregateIdentifier) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                aggregateIdentifier);
    }

    private void record(String disclosureId, PersonRef subject) {
        commands.sendAndWait(new RecordDisclosure(
                new DisclosureId(disclosureId), toIce(), List.of(subject), null, "r-" + disclosureId));
    }

    private void read(String accessId, PersonRef person, Reader reader, String purpose, String at) {
        commands.sendAndWait(new RecordHistoryAccess(
                new AccessId(accessId),
                person,
                reader,
                AccessedRecord.HISTORY,
                new StatedPurpose(purpose),
                Instant.parse(at)));
    }

    private static PersonRef person(String label) {
        return new PersonRef(String.format("%064x", new BigInteger(1, label.getBytes(StandardCharsets.UTF_8))));
    }

    private static DisclosureDetails toIce() {
        return new DisclosureDetails(
                Instant.parse("2025-09-15T09:30:00Z"),
                new Custodian(new StateCode("CA"), "California Department of Health Care Services"),
                "medi-cal-eligibility-extract",
                "Chief Privacy Officer, DHCS",
                new Recipient(
                        new AgencyId("us-dhs-ice"),
                        "U.S. Immigration and Customs Enforcement",
                        "Enforcement and Removal Operations",
                        "500 12th St SW, Washington, DC 20536"),
                "CMS Office of the Administrator",
                new Purpose(PurposeOfUse.LAW, "Identification of enrollees for immigration enforcement"),
                new LegalAuthority(List.of("5 U.S.C. 552a(b)(7)"), "CMS-DHS information sharing agreement 2025-06"),
                List.of(DataCategory.NAME, DataCategory.ADDRESS),
                DisclosureMode.BULK_FILE,
                null,
                1);
    }
}
