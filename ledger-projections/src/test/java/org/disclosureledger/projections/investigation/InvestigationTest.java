package org.disclosureledger.projections.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.RecordHistoryAccess;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.core.disclosure.CorrectDisclosure;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DetailsCorrection;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.ProofVerifier;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Investigations against a real PostgreSQL: five disclosures are recorded, a subject's history is read, and a
 * checkpoint signed (A); then one of them is corrected, another history read and another checkpoint signed (B).
 * Replays as of A must not see the correction, replays as of B must; the same investigation twice gives the same
 * report bytes; the rulebook version is chosen by date; reads are ledger entries but no disclosures.
 */
@SpringBootTest(
        classes = InvestigationTestApplication.class,
        properties = {"ledger.checkpoint.origin=test.disclosure-ledger/log", "ledger.checkpoint.poll=1h"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvestigationTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");
    private static final AgencyId ICE = new AgencyId("us-dhs-ice");
    private static final AgencyId CMS = new AgencyId("us-hhs-cms");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerStore ledger;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    Investigations investigations;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    java.time.Clock clock;

    private long checkpointA;
    private long checkpointB;

    @BeforeAll
    void recordCorrectAndCheckpoint() {
        commands.sendAndWait(record(
                "ice-2025",
                "CA",
                ICE,
                PurposeOfUse.LAW,
                "2025-09-01T10:00:00Z",
                3,
                DataCategory.NAME,
                DataCategory.ADDRESS));
        commands.sendAndWait(read("read-before-a", subject("ice-2025", 0)));
        commands.sendAndWait(record(
                "ice-2026",
                "CA",
                ICE,
                PurposeOfUse.LAW,
                "2026-02-01T10:00:00Z",
                2,
                DataCategory.NAME,
                DataCategory.IMMIGRATION_STATUS));
        commands.sendAndWait(
                record("ice-ny", "NY", ICE, PurposeOfUse.LAW, "2025-09-02T10:00:00Z", 4, DataCategory.NAME));
        commands.sendAndWait(
                record("cms-ops", "CA", CMS, PurposeOfUse.OPERATIONS, "2025-10-01T10:00:00Z", 5, DataCategory.CLAIMS));
        commands.sendAndWait(
                record("ice-2024", "CA", ICE, PurposeOfUse.LAW, "2024-12-01T10:00:00Z", 1, DataCategory.SSN));
        checkpointA = signAll();
        commands.sendAndWait(new CorrectDisclosure(
                new DisclosureId("ice-2025"),
                new FollowOnId("fix-categories"),
                new DetailsCorrection(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(DataCategory.NAME, DataCategory.ADDRESS, DataCategory.SSN),
                        null,
                        null,
                        null,
                        Set.of()),
                "the file also carried social security numbers",
                "digest-fix"));
        commands.sendAndWait(read("read-before-b", subject("ice-2025", 1)));
        checkpointB = signAll();
    }

    @Test
    void givenTheSameDefinitionTwice_whenBothRun_thenTheReportsAreByteForByteEqual() {
        InvestigationDefinition definition = definition(List.of(ICE), null, checkpointA);

        InvestigationStatus first = await(investigations.start(definition));
        InvestigationStatus second = await(investigations.start(definition));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.reportSha256()).hasSize(64).isEqualTo(second.reportSha256());
        assertThat(investigations.report(first.id()).orElseThrow())
                .isEqualTo(investigations.report(second.id()).orElseThrow());
        assertThat(CanonicalJson.sha256Hex(investigations.report(first.id()).orElseThrow()))
                .isEqualTo(first.reportSha256());
    }

    @Test
    void givenACorrectionAfterTheAsOfCheckpoint_whenReplayed_thenItIsNotApplied() {
        JsonNode asOfA = report(await(investigations.start(definition(List.of(ICE), null, checkpointA))));
        JsonNode asOfB = report(await(investigations.start(definition(List.of(ICE), null, checkpointB))));

        JsonNode beforeCorrection = disclosure(asOfA, "ice-2025");
        JsonNode afterCorrection = disclosure(asOfB, "ice-2025");
        assertThat(beforeCorrection.at("/details/dataCategories").toString()).isEqualTo("[\"NAME\",\"ADDRESS\"]");
        assertThat(beforeCorrection.path("corrections").asInt()).isZero();
        // The test rulebook, in force at record time too, flags the recording: its entries are the two events.
        assertThat(beforeCorrection.path("entries").findValuesAsText("type"))
                .containsExactly("DisclosureRecorded", "DisclosureFlagged");
        assertThat(afterCorrection.at("/details/dataCategories").toString())
                .isEqualTo("[\"NAME\",\"ADDRESS\",\"SSN\"]");
        assertThat(afterCorrection.path("corrections").asInt()).isEqualTo(1);
        assertThat(afterCorrection.path("entries").findValuesAsText("type"))
                .containsExactly("DisclosureRecorded", "DisclosureFlagged", "DisclosureCorrected", "DisclosureFlagged");
        assertThat(asOfA.at("/checkpoint/treeSize").asLong()).isEqualTo(checkpointA);
        assertThat(asOfB.at("/checkpoint/treeSize").asLong()).isEqualTo(checkpointB);
        assertThat(asOfA.at("/counts/eventsRead").asLong()).isEqualTo(checkpointA);
        assertThat(asOfA.at("/counts/corrected").asLong()).isZero();
        assertThat(asOfB.at("/counts/corrected").asLong()).isEqualTo(1);
    }

    @Test
    void givenNoNamedVersion_whenJudged_thenEachDisclosureMeetsTheVersionInForceWhenItOccurred() {
        JsonNode report = report(await(investigations.start(definition(List.of(ICE), null, checkpointA))));

        JsonNode before2025Rules = disclosure(report, "ice-2024");
        JsonNode under2025 = disclosure(report, "ice-2025");
        JsonNode under2026 = disclosure(report, "ice-2026");
        assertThat(before2025Rules.path("rulebookVersion").isNull()).isTrue();
        assertThat(before2025Rules.path("findings")).isEmpty();
        assertThat(under2025.path("rulebookVersion").asText()).isEqualTo("2025.1");
        assertThat(under2025.at("/findings/0/ruleId").asText()).isEqualTo("law-enforcement-2025.1");
        assertThat(under2026.path("rulebookVersion").asText()).isEqualTo("2026.1");
        assertThat(under2026.at("/findings/0/explanation").asText()).contains("IMMIGRATION_STATUS");
        assertThat(report.at("/counts/unjudged").asLong()).isEqualTo(1);
        assertThat(report.path("rulebooks")).hasSize(2);
    }

    @Test
    void givenANamedVersion_whenJudged_thenEveryDisclosureMeetsThatVersion() {
        JsonNode report = report(await(investigations.start(definition(List.of(ICE), "2026.1", checkpointA))));

        assertThat(disclosure(report, "ice-2025").path("findings")).isEmpty();
        assertThat(disclosure(report, "ice-2024").at("/findings/0/ruleId").asText())
                .isEqualTo("law-enforcement-2026.1");
        assertThat(report.at("/counts/withFindings").asLong()).isEqualTo(2);
        assertThat(report.at("/counts/findingsBySeverity/VIOLATION").asLong()).isEqualTo(2);
    }

    @Test
    void givenAScope_whenReplayed_thenOnlyDisclosuresItCoversAreReportedAndSubjectsAreOnlyCounted() {
        InvestigationDefinition californiaSince2025 = new InvestigationDefinition(
                Instant.parse("2025-01-01T00:00:00Z"),
                TO,
                List.of(),
                List.of(new StateCode("CA")),
                List.of(),
                List.of(),
                null,
                checkpointA,
                null);

        JsonNode report = report(await(investigations.start(californiaSince2025)));

        assertThat(report.path("disclosures").findValuesAsText("disclosureId"))
                .containsExactly("cms-ops", "ice-2025", "ice-2026");
        assertThat(report.at("/counts/affectedSubjects").asLong()).isEqualTo(3 + 2 + 5);
        assertThat(report.at("/counts/recordsReleased").asLong()).isEqualTo(3 + 2 + 5);
        assertThat(report.toString()).doesNotContain(subject("ice-2025", 0).value());
    }

    @Test
    void givenReadsOfSubjectsOnTheLedger_whenReplayed_thenTheyAreEntriesReadButNeitherDisclosuresNorTheirEntries() {
        JsonNode report = report(await(investigations.start(definition(List.of(), null, checkpointB))));

        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type = 'HistoryAccessed'", Long.class))
                .as("reads on the ledger below checkpoint A and B")
                .isEqualTo(2);
        assertThat(report.at("/counts/eventsRead").asLong())
                .as("every entry up to the checkpoint is read, reads too")
                .isEqualTo(checkpointB);
        assertThat(report.path("disclosures").findValuesAsText("disclosureId"))
                .doesNotContain("read-before-a", "read-before-b")
                .hasSize((int) report.at("/counts/disclosures").asLong());
        assertThat(report.path("disclosures").findValuesAsText("type")).doesNotContain("HistoryAccessed");
        assertThat(report.toString()).doesNotContain("auditor-ca@example.gov");
    }

    @Test
    void givenADefinitionNamingNoCheckpointOrAnUnknownRulebook_whenStarted_thenRefusedAndNothingStored() {
        long stored = jdbc.queryForObject("select count(*) from investigation", Long.class);

        assertThatThrownBy(() -> investigations.start(definition(List.of(), null, checkpointB + 1)))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("no checkpoint was signed at tree size " + (checkpointB + 1))
                .extracting(e -> ((InvalidDefinition) e).field())
                .isEqualTo("asOf.treeSize");
        assertThatThrownBy(() -> investigations.start(definition(List.of(), "1999.9", checkpointA)))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("no rulebook version '1999.9'");
        assertThatThrownBy(() -> investigations.start(asOfInstant(InvestigationTestApplication.NOW.minusSeconds(1))))
                .isInstanceOf(InvalidDefinition.class)
                .extracting(e -> ((InvalidDefinition) e).field())
                .isEqualTo("asOf.instant");
        assertThatThrownBy(() -> investigations.start(asOfInstant(InvestigationTestApplication.NOW.plusSeconds(1))))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("asOf.instant 2026-03-01T12:00:01Z is in the future (it is 2026-03-01T12:00:00Z)")
                .extracting(e -> ((InvalidDefinition) e).field())
                .isEqualTo("asOf.instant");
        assertThatThrownBy(() -> new InvestigationDefinition(
                        TO, FROM, List.of(), List.of(), List.of(), List.of(), null, checkpointA, null))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessage("occurredTo must be after occurredFrom");
        assertThatThrownBy(() -> new InvestigationDefinition(
                        FROM, TO, List.of(), List.of(), List.of(), List.of(), null, checkpointA, TO))
                .isInstanceOf(InvalidDefinition.class)
                .extracting(e -> ((InvalidDefinition) e).field())
                .isEqualTo("asOf");
        assertThat(jdbc.queryForObject("select count(*) from investigation", Long.class))
                .isEqualTo(stored);
    }

    @Test
    void givenAnInstant_whenStarted_thenTheLatestCheckpointSignedAtOrBeforeItIsUsed() {
        InvestigationStatus status = await(investigations.start(asOfInstant(InvestigationTestApplication.NOW)));

        assertThat(status.treeSize()).isEqualTo(checkpointB);
        assertThat(status.progress().eventsRead()).isEqualTo(checkpointB);
        assertThat(status.counts().disclosures()).isEqualTo(4);
    }

    @Test
    void givenADoneInvestigation_whenItsBundleIsWritten_thenEveryEntryInScopeIsProvenAgainstTheSignedCheckpoint()
            throws IOException {
        InvestigationStatus status = await(investigations.start(definition(List.of(ICE), null, checkpointB)));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();

        assertThat(investigations.writeBundle(status.id(), zip)).isTrue();

        Map<String, byte[]> files = unzip(zip.toByteArray());
        Checkpoint checkpoint = NoteVerifier.fromVerifierKey(InvestigationTestApplication.SIGNER.verifierKey())
                .verifyCheckpoint(new String(files.get("checkpoint.note"), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(checkpoint.treeSize()).isEqualTo(checkpointB);
        assertThat(files.get("report.json"))
                .isEqualTo(investigations.report(status.id()).orElseThrow());
        assertThat(files).containsKeys("rulebooks/2025.1.json", "rulebooks/2026.1.json", "report.sha256");
        List<Long> indexes = report(status).path("disclosures").findValues("ledgerIndex").stream()
                .map(JsonNode::asLong)
                .toList();
        // Five entries of the disclosures in scope, and the four flags the test rulebook added when they were recorded.
        assertThat(indexes).hasSize(9);
        for (long index : indexes) {
            byte[] leaf = files.get("entries/" + index + ".leaf");
            byte[] proof = files.get("entries/" + index + ".proof");
            List<Sha256Hash> path = IntStream.range(0, proof.length / 32)
                    .mapToObj(i -> new Sha256Hash(java.util.Arrays.copyOfRange(proof, i * 32, i * 32 + 32)))
                    .toList();
            ProofVerifier.verifyInclusion(
                    MerkleTree.leafHash(leaf), index, checkpoint.treeSize(), path, checkpoint.rootHash());
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        investigations.writeBundle(status.id(), again);
        assertThat(again.toByteArray()).isEqualTo(zip.toByteArray());
    }

    @Test
    void givenAnInvestigationLeftRunningByAStoppedLedger_whenTheLedgerStartsAgain_thenItIsMarkedInterrupted()
            throws Exception {
        InvestigationId id = InvestigationId.random();
        jdbc.update(
                "insert into investigation (investigation_id, definition, status, created_at, tree_size, events_total)"
                        + " values (?, ?, 'RUNNING', now(), ?, ?)",
                id.value(),
                CanonicalJson.mapper().writeValueAsString(definition(List.of(), null, checkpointA)),
                checkpointA,
                checkpointA);

        new InvestigationConfiguration()
                .investigations(jdbc, dataSource, transactions, ledger, new TestRulebooks(), clock)
                .close();

        InvestigationStatus status = investigations.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(InvestigationState.INTERRUPTED);
        assertThat(status.failure()).contains("start it again");
        assertThat(status.finishedAt()).isEqualTo(InvestigationTestApplication.NOW);
    }

    @Test
    void givenAnotherNodesInvestigations_whenANodeStarts_thenOnlyThoseWhoseNodeFellSilentAreMarkedInterrupted()
            throws Exception {
        InvestigationId live = runningOnAnotherNode(InvestigationTestApplication.NOW.minusSeconds(30));
        InvestigationId abandoned = runningOnAnotherNode(InvestigationTestApplication.NOW.minusSeconds(120));

        new InvestigationConfiguration()
                .investigations(jdbc, dataSource, transactions, ledger, new TestRulebooks(), clock)
                .close();

        assertThat(investigations.status(live).orElseThrow().state()).isEqualTo(InvestigationState.RUNNING);
        InvestigationStatus interrupted = investigations.status(abandoned).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(InvestigationState.INTERRUPTED);
        assertThat(interrupted.failure()).contains("start it again");
        jdbc.update("update investigation set status = 'FAILED' where investigation_id = ?", live.value());
    }

    /** A row as a node that is not this test's would leave it, with its last heartbeat at {@code heartbeat}. */
    private InvestigationId runningOnAnotherNode(Instant heartbeat) throws Exception {
        InvestigationId id = InvestigationId.random();
        jdbc.update(
                "insert into investigation (investigation_id, definition, status, created_at, tree_size, events_total,"
                        + " node_id, heartbeat_at) values (?, ?, 'RUNNING', now(), ?, ?, 'another-node', ?)",
                id.value(),
                CanonicalJson.mapper().writeValueAsString(definition(List.of(), null, checkpointA)),
                checkpointA,
                checkpointA,
                java.sql.Timestamp.from(heartbeat));
        return id;
    }

    /** Every disclosure from {@code FROM} to {@code TO}, as of the latest checkpoint signed by {@code instant}. */
    private static InvestigationDefinition asOfInstant(Instant instant) {
        return new InvestigationDefinition(FROM, TO, List.of(), List.of(), List.of(), List.of(), null, null, instant);
    }

    private InvestigationDefinition definition(List<AgencyId> recipients, String version, long treeSize) {
        return new InvestigationDefinition(
                Instant.parse("2024-01-01T00:00:00Z"),
                TO,
                recipients,
                List.of(),
                List.of(),
                List.of(),
                version,
                treeSize,
                null);
    }

    private InvestigationStatus await(InvestigationId id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        InvestigationStatus status = investigations.status(id).orElseThrow();
        while (status.state() != InvestigationState.DONE
                && status.state() != InvestigationState.FAILED
                && Instant.now().isBefore(deadline)) {
            sleep();
            status = investigations.status(id).orElseThrow();
        }
        assertThat(status.state()).as("state (failure: %s)", status.failure()).isEqualTo(InvestigationState.DONE);
        return status;
    }

    private JsonNode report(InvestigationStatus status) {
        try {
            return CanonicalJson.mapper()
                    .readTree(investigations.report(status.id()).orElseThrow());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode disclosure(JsonNode report, String id) {
        for (JsonNode d : report.path("disclosures")) {
            if (d.path("disclosureId").asText().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("disclosure " + id + " not in the report: " + report.path("disclosures"));
    }

    private long signAll() {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (ledger.size() < events && Instant.now().isBefore(deadline)) {
            sleep();
        }
        assertThat(ledger.size()).as("entries sequenced").isEqualTo(events);
        checkpointer.signNow();
        return ledger.latestCheckpoint().orElseThrow().treeSize();
    }

    private static RecordDisclosure record(
            String id,
            String state,
            AgencyId recipient,
            PurposeOfUse purpose,
            String occurredAt,
            int subjects,
            DataCategory... categories) {
        DisclosureDetails details = new DisclosureDetails(
                Instant.parse(occurredAt),
                new Custodian(new StateCode(state), "State Medicaid agency"),
                "cms-t-msis",
                "Deputy Administrator",
                new Recipient(recipient, "Recipient " + recipient.value(), null, "Washington, DC"),
                null,
                new Purpose(purpose, "as stated"),
                new LegalAuthority(List.of("5 U.S.C. 552a(b)(7)"), null),
                List.of(categories),
                DisclosureMode.BULK_FILE,
                null,
                subjects);
        List<PersonRef> refs =
                IntStream.range(0, subjects).mapToObj(i -> subject(id, i)).toList();
        return new RecordDisclosure(new DisclosureId(id), details, refs, null, "digest-" + id);
    }

    /** An auditor's read of a subject's history: a ledger entry, and no disclosure. */
    private static RecordHistoryAccess read(String accessId, PersonRef person) {
        return new RecordHistoryAccess(
                new AccessId(accessId),
                person,
                new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR),
                AccessedRecord.HISTORY,
                new StatedPurpose("Complaint 2025-118"),
                Instant.parse("2025-10-02T14:05:00Z"));
    }

    private static PersonRef subject(String disclosure, int i) {
        return new PersonRef(String.format("%064x", (disclosure + "/" + i).hashCode() & 0xffffffffL));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
