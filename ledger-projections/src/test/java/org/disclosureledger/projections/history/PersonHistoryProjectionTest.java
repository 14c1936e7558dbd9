package org.disclosureledger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosureledger.projections.history.HistoryEvents.attached;
import static org.disclosureledger.projections.history.HistoryEvents.corrected;
import static org.disclosureledger.projections.history.HistoryEvents.destructionCertified;
import static org.disclosureledger.projections.history.HistoryEvents.destructionRequested;
import static org.disclosureledger.projections.history.HistoryEvents.disputed;
import static org.disclosureledger.projections.history.HistoryEvents.lifted;
import static org.disclosureledger.projections.history.HistoryEvents.opened;
import static org.disclosureledger.projections.history.HistoryEvents.recorded;
import static org.disclosureledger.projections.history.HistoryEvents.sealed;
import static org.disclosureledger.projections.history.HistoryExamples.NOW;
import static org.disclosureledger.projections.history.HistoryExamples.madeQueryAccess;
import static org.disclosureledger.projections.history.HistoryExamples.people;
import static org.disclosureledger.projections.history.HistoryExamples.person;
import static org.disclosureledger.projections.history.HistoryExamples.sealedUntil;
import static org.disclosureledger.projections.history.HistoryExamples.toAuditor;
import static org.disclosureledger.projections.history.HistoryExamples.toIce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.disclosure.DetailsCorrection;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.readmodel.ReadModelDump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The person-history projection and its queries as plain objects, on a real PostgreSQL database. */
class PersonHistoryProjectionTest {

    static final Instant JUNE_15 = Instant.parse("2025-06-15T09:30:00Z");

    static ProjectionFixture history;

    final PersonRef ana = person("ana");
    final PersonRef ben = person("ben");
    final PersonRef carla = person("carla");

    @BeforeAll
    static void database() {
        history = ProjectionFixture.onFreshDatabase();
    }

    @AfterAll
    static void closeDatabase() {
        history.close();
    }

    @BeforeEach
    void emptyTables() {
        history.reset();
        history.clock.set(NOW);
    }

    @Test
    void givenSingleDisclosure_whenSubjectReadsHistory_thenEntryShowsItsDetails() {
        history.handle(recorded("ca-1", toIce(JUNE_15), null, ben, ana));

        VisibleEntry entry = (VisibleEntry) history.onlyEntryOf(ana);

        assertThat(entry.disclosureId()).isEqualTo(new DisclosureId("ca-1"));
        assertThat(entry.kind()).isEqualTo(DisclosureKind.SINGLE);
        assertThat(entry.status()).isEqualTo(RecordingStatus.RECORDED);
        assertThat(entry.details()).isEqualTo(toIce(JUNE_15));
        assertThat(entry.recordedAt()).isEqualTo(Instant.parse("2025-06-15T10:00:00Z"));
        assertThat(entry.subjectIndex()).isEqualTo(1);
        assertThat(entry.subjectCount()).isEqualTo(2);
        assertThat(entry.chunkCount()).isNull();
        assertThat(entry.suspension()).isNull();
        assertThat(entry.corrected()).isFalse();
        assertThat(entry.disputes()).isEmpty();
        assertThat(entry.destructionRequests()).isEmpty();
        assertThat(entry.destructionCertifications()).isEmpty();
    }

    @Test
    void givenDisclosureOfOtherPeople_whenPersonReadsHistory_thenHistoryIsEmpty() {
        history.handle(recorded("ca-1", toIce(JUNE_15), null, ben, carla));

        HistoryPage page = history.historyOf(ana);

        assertThat(page.entries()).isEmpty();
        assertThat(page.totalEntries()).isZero();
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void givenCorrection_whenSubjectReadsHistory_thenCorrectedDetailsShownAndOriginalKept() {
        DisclosureDetails original = toIce(JUNE_15);
        Instant correctedAt = Instant.parse("2025-06-20T08:00:00Z");
        history.handle(
                recorded("ca-1", original, null, ana),
                corrected("ca-1", "correction-1", original, madeQueryAccess(), correctedAt));

        VisibleEntry entry = (VisibleEntry) history.onlyEntryOf(ana);

        assertThat(entry.details()).isEqualTo(madeQueryAccess().applyTo(original));
        assertThat(entry.details().mode()).isEqualTo(DisclosureMode.QUERY_ACCESS);
        assertThat(entry.corrected()).isTrue();
        assertThat(entry.originalDetails()).isEqualTo(original);
        assertThat(entry.corrections()).singleElement().satisfies(correction -> {
            assertThat(correction.correctionId()).isEqualTo(new FollowOnId("correction-1"));
            assertThat(correction.fields()).containsExactly(CorrectableField.MODE, CorrectableField.ACCESS_WINDOW);
            assertThat(correction.superseded()).isEqualTo(original);
            assertThat(correction.corrected()).isEqualTo(entry.details());
            assertThat(correction.reason()).isEqualTo("The data was made available for query, not sent as a file");
            assertThat(correction.correctedAt()).isEqualTo(correctedAt);
        });
    }

    @Test
    void givenTwoCorrections_whenSubjectReadsHistory_thenBothShownInOrderAndTheOriginalIsTheFirstOnesSuperseded() {
        DisclosureDetails original = toIce(JUNE_15);
        DetailsCorrection fewerRecords =
                new DetailsCorrection(null, null, null, null, null, null, null, null, null, null, 2L, Set.of());
        DisclosureDetails afterFirst = madeQueryAccess().applyTo(original);
        history.handle(
                recorded("ca-1", original, null, ana),
                corrected("ca-1", "correction-1", original, madeQueryAccess(), Instant.parse("2025-06-20T08:00:00Z")),
                corrected("ca-1", "correction-2", afterFirst, fewerRecords, Instant.parse("2025-06-21T08:00:00Z")));

        VisibleEntry entry = (VisibleEntry) history.onlyEntryOf(ana);

        assertThat(entry.details().recordCount()).isEqualTo(2);
        assertThat(entry.details().mode()).isEqualTo(DisclosureMode.QUERY_ACCESS);
        assertThat(entry.corrections())
                .extracting(c -> c.correctionId().value())
                .containsExactly("correction-1", "correction-2");
        assertThat(entry.originalDetails()).isEqualTo(original);
    }

    @Test
    void givenCorrectedOccurredAt_whenSubjectReadsHistory_thenEntryTakesItsCorrectedPlace() {
        DisclosureDetails may = toAuditor(Instant.parse("2025-05-01T10:00:00Z"));
        DetailsCorrection toJanuary = new DetailsCorrection(
                Instant.parse("2025-01-10T10:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of());
        history.handle(
                recorded("il-1", may, null, ana),
                recorded("ca-1", toIce(Instant.parse("2025-03-01T10:00:00Z")), null, ana),
                corrected("il-1", "correction-1", may, toJanuary, Instant.parse("2025-06-01T10:00:00Z")));

        assertThat(idsOf(history.historyOf(ana))).containsExactly("ca-1", "il-1");
    }

    @Test
    void givenDisputesByTwoSubjects_whenEachReadsHistory_thenEachSeesOnlyTheirOwn() {
        Instant anaDisputed = Instant.parse("2025-06-20T16:45:00Z");
        history.handle(
                recorded("ca-1", toIce(JUNE_15), null, ana, ben, carla),
                disputed("ca-1", "dispute-1", ana, "I never consented to this.", anaDisputed),
                disputed("ca-1", "dispute-2", ben, "My status was reported wrongly.", NOW.minusSeconds(3600)));

        VisibleEntry anas = (VisibleEntry) history.onlyEntryOf(ana);
        VisibleEntry bens = (VisibleEntry) history.onlyEntryOf(ben);
        VisibleEntry carlas = (VisibleEntry) history.onlyEntryOf(carla);

        assertThat(anas.disputes())
                .containsExactly(new Dispute(new FollowOnId("dispute-1"), "I never consented to this.", anaDisputed));
        assertThat(bens.disputes()).extracting(Dispute::statement).containsExactly("My status was reported wrongly.");
        assertThat(carlas.disputes()).isEmpty();
    }

    @Test
    void givenDestructionRequestedAndCertified_whenSubjectReadsHistory_thenBothShownWithTheirDates() {
        Instant requestedAt = Instant.parse("2025-06-20T09:00:00Z");
        Instant destroyedAt = Instant.parse("2025-06-25T17:00:00Z");
        Instant certifiedAt = Instant.parse("2025-06-26T11:20:00Z");
        history.handle(
                recorded("ca-1", toIce(JUNE_15), null, ana),
                destructionRequested("ca-1", "destruction-1", LocalDate.parse("2025-09-30"), requestedAt),
                destructionCertified("ca-1", "certificate-1", "destruction-1", destroyedAt, certifiedAt),
                destructionCertified("ca-1", "certificate-2", null, destroyedAt, certifiedAt.plusSeconds(60)));

        VisibleEntry entry = (VisibleEntry) history.onlyEntryOf(ana);

        assertThat(entry.destructionRequests())
                .containsExactly(new DestructionRequest(
                        new FollowOnId("destruction-1"),
                        "Attorney General of California",
                        "Preliminary injunction, 25-cv-01234 (N.D. Cal.)",
                        LocalDate.parse("2025-09-30"),
                        requestedAt));
        assertThat(entry.destructionCertifications())
                .containsExactly(
                        new DestructionCertification(
                                new FollowOnId("certificate-1"),
                                new FollowOnId("destruction-1"),
                                "ICE Records Officer",
                                destroyedAt,
                                "NIST SP 800-88 purge of all copies",
                                certifiedAt),
                        new DestructionCertification(
                                new FollowOnId("certificate-2"),
                                null,
                                "ICE Records Officer",
                                destroyedAt,
                                "NIST SP 800-88 purge of all copies",
                                certifiedAt.plusSeconds(60)));
    }

    @Test
    void givenSuspension_whenSubjectReadsHistoryBeforeItsDate_thenWithheldUntilTheDateUnderTheAuthorityOnly() {
        history.handle(
                recorded("ca-1", toIce(JUNE_15), sealedUntil("2026-01-01"), ana),
                disputed("ca-1", "dispute-1", ana, "What is this?", NOW));

        history.clock.set(Instant.parse("2025-12-31T23:59:59Z"));

        assertThat(history.onlyEntryOf(ana))
                .isEqualTo(new WithheldEntry(
                        LocalDate.parse("2026-01-01"), "Court order 25-cv-01234 (N.D. Cal.), sealed"));
    }

    @Test
    void givenSuspension_whenItsDateComes_thenShownInFullWithTheSuspensionThatEnded() {
        history.handle(recorded("ca-1", toIce(JUNE_15), sealedUntil("2026-01-01"), ana));

        history.clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        VisibleEntry entry = (VisibleEntry) history.onlyEntryOf(ana);

        assertThat(entry.details()).isEqualTo(toIce(JUNE_15));
        assertThat(entry.suspension())
                .isEqualTo(new EndedSuspension(
                        LocalDate.parse("2026-01-01"),
                        "Court order 25-cv-01234 (N.D. Cal.), sealed",
                        null,
                        null,
                        null,
                        null));
        assertThat(entry.suspension().lifted()).isFalse();
    }

    @Test
    void givenSuspensionLifted_whenSubjectReadsHistoryBeforeItsDate_thenShownInFullWithTheLift() {
        Instant liftedAt = Instant.parse("2025-06-30T12:00:00Z");
        history.handle(
                recorded("ca-1", toIce(JUNE_15), sealedUntil("2026-01-01"), ana), lifted("ca-1", "lift-1", liftedAt));

        VisibleEntry entry = (VisibleEntry) history.onlyEntryOf(ana);

        assertThat(entry.details()).isEqualTo(toIce(JUNE_15));
        assertThat(entry.suspension())
                .isEqualTo(new EndedSuspension(
                        LocalDate.parse("2026-01-01"),
                        "Court order 25-cv-01234 (N.D. Cal.), sealed",
                        new FollowOnId("lift-1"),
                        liftedAt,
                        "Order vacating the seal, 25-cv-01234 (N.D. Cal.)",
                        "The investigation concluded"));
    }

    @Test
    void givenWithheldAndVisibleEntries_whenSubjectReadsHistory_thenWithheldComeFirstWhateverTheirDate() {
        history.handle(
                recorded("ca-old", toIce(Instant.parse("2018-03-01T10:00:00Z")), sealedUntil("2027-06-01"), ana),
                recorded("ca-new", toIce(Instant.parse("2025-06-30T10:00:00Z")), null, ana),
                recorded("ca-mid", toIce(Instant.parse("2024-01-01T10:00:00Z")), sealedUntil("2026-01-01"), ana));

        List<HistoryEntry> entries = history.historyOf(ana).entries();

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0))
                .isEqualTo(new WithheldEntry(
                        LocalDate.parse("2026-01-01"), sealedUntil("2026-01-01").authority()));
        assertThat(entries.get(1))
                .isEqualTo(new WithheldEntry(
                        LocalDate.parse("2027-06-01"), sealedUntil("2027-06-01").authority()));
        assertThat(((VisibleEntry) entries.get(2)).disclosureId().value()).isEqualTo("ca-new");
    }

    @Test
    void givenTwentyFiveDisclosures_whenPagedByTen_thenPagesAreNewestFirstDisjointAndRepeatable() {
        List<DisclosureDetails> details = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Every third day holds two disclosures at the same moment, so that ties must be broken by id.
            Instant occurredAt = Instant.parse("2025-01-01T12:00:00Z").plusSeconds(86_400L * (i / 2));
            details.add(i % 2 == 0 ? toIce(occurredAt) : toAuditor(occurredAt));
            history.handle(recorded(String.format("d-%02d", i), details.get(i), null, ana, ben));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add(String.format("d-%02d", i));
        }
        expected.sort(Comparator.<String, Instant>comparing(
                        id -> details.get(Integer.parseInt(id.substring(2))).occurredAt())
                .thenComparing(Comparator.naturalOrder())
                .reversed());

        HistoryRequest firstPage = HistoryRequest.firstPage(ana).withPageSize(10);
        HistoryPage page0 = history.historyOf(firstPage);
        HistoryPage page1 = history.historyOf(firstPage.withPage(1));
        HistoryPage page2 = history.historyOf(firstPage.withPage(2));
        HistoryPage page3 = history.historyOf(firstPage.withPage(3));

        List<String> paged = new ArrayList<>();
        paged.addAll(idsOf(page0));
        paged.addAll(idsOf(page1));
        paged.addAll(idsOf(page2));
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(idsOf(page0)).hasSize(10);
        assertThat(idsOf(page2)).hasSize(5);
        assertThat(page3.entries()).isEmpty();
        assertThat(List.of(page0, page1, page2, page3))
                .allSatisfy(page -> assertThat(page.totalEntries()).isEqualTo(25));
        assertThat(page0.pageCount()).isEqualTo(3);
        assertThat(List.of(page0.hasNextPage(), page1.hasNextPage(), page2.hasNextPage()))
                .containsExactly(true, true, false);
        assertThat(history.historyOf(firstPage.withPage(1))).isEqualTo(page1);
    }

    @Test
    void givenDisclosuresAroundTheSixYearLimit_whenSubjectReadsHistory_thenOnlyThoseFromTheLimitOnAreShown() {
        history.handle(
                recorded("before-limit", toIce(Instant.parse("2019-06-30T23:59:59Z")), null, ana),
                recorded("on-limit", toIce(Instant.parse("2019-07-01T00:00:00Z")), null, ana),
                recorded("recent", toIce(JUNE_15), null, ana));

        HistoryPage page = history.historyOf(ana);

        assertThat(idsOf(page)).containsExactly("recent", "on-limit");
        assertThat(page.since()).isEqualTo(LocalDate.parse("2019-07-01"));
        assertThat(page.asOf()).isEqualTo(LocalDate.parse("2025-07-01"));
        assertThat(page.totalEntries()).isEqualTo(2);
    }

    @Test
    void givenDisclosureOlderThanSixYears_whenWholeHistoryRequested_thenItIsShown() {
        history.handle(
                recorded("before-limit", toIce(Instant.parse("2012-02-01T10:00:00Z")), null, ana),
                recorded("recent", toIce(JUNE_15), null, ana));

        HistoryPage page = history.historyOf(HistoryRequest.firstPage(ana).withWholeHistory());

        assertThat(idsOf(page)).containsExactly("recent", "before-limit");
        assertThat(page.since()).isNull();
    }

    @Test
    void givenTimePasses_whenSubjectReadsHistory_thenTheWindowFollowsTheClock() {
        history.handle(recorded("ca-1", toIce(Instant.parse("2019-08-01T10:00:00Z")), null, ana));

        assertThat(idsOf(history.historyOf(ana))).containsExactly("ca-1");
        history.clock.set(Instant.parse("2025-08-02T00:00:00Z"));
        assertThat(history.historyOf(ana).entries()).isEmpty();
    }

    @Test
    void givenBulkDisclosureInChunks_whenSubjectsReadHistory_thenEachSeesItAtTheirManifestPosition() {
        List<PersonRef> first = people("bulk-a", 3);
        List<PersonRef> second = List.of(ana, ben);
        history.handle(
                opened("ca-bulk", toIce(JUNE_15), null),
                attached("ca-bulk", 1, 0, first),
                attached("ca-bulk", 2, 3, second),
                sealed("ca-bulk", 5, 2));

        VisibleEntry bens = (VisibleEntry) history.onlyEntryOf(ben);
        VisibleEntry firsts = (VisibleEntry) history.onlyEntryOf(first.get(0));

        assertThat(bens.kind()).isEqualTo(DisclosureKind.BULK);
        assertThat(bens.status()).isEqualTo(RecordingStatus.SEALED);
        assertThat(bens.subjectIndex()).isEqualTo(4);
        assertThat(firsts.subjectIndex()).isZero();
        assertThat(bens.subjectCount()).isEqualTo(5);
        assertThat(bens.chunkCount()).isEqualTo(2);
        assertThat(bens.manifestRoot()).isEqualTo("f".repeat(64));
        assertThat(bens.sealedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(history.historyOf(carla).entries()).isEmpty();
    }

    @Test
    void givenOpenBulkDisclosure_whenSubjectReadsHistory_thenShownAsOpenWithTheSubjectsSoFar() {
        history.handle(opened("ca-bulk", toIce(JUNE_15), null), attached("ca-bulk", 1, 0, List.of(ana, ben)));

        VisibleEntry entry = (VisibleEntry) history.onlyEntryOf(ana);

        assertThat(entry.status()).isEqualTo(RecordingStatus.OPEN);
        assertThat(entry.subjectCount()).isEqualTo(2);
        assertThat(entry.chunkCount()).isEqualTo(1);
        assertThat(entry.manifestRoot()).isNull();
        assertThat(entry.sealedAt()).isNull();
    }

    /** Chunks of 2 are written by INSERT; chunks of {@link SubjectWriter#COPY_FROM} by COPY, which meets ana again. */
    @ParameterizedTest(name = "chunks of {0}")
    @ValueSource(ints = {2, SubjectWriter.COPY_FROM})
    void givenPersonListedInTwoChunks_whenAttached_thenOneEntryAtTheFirstPositionAndTheRestOfTheChunkKept(int size) {
        List<PersonRef> first = new ArrayList<>(List.of(ana));
        first.addAll(people("first-", size - 1));
        List<PersonRef> second = new ArrayList<>(List.of(carla));
        second.addAll(people("second-", size - 2));
        second.add(ana);
        history.handle(
                opened("ca-bulk", toIce(JUNE_15), null),
                attached("ca-bulk", 1, 0, first),
                attached("ca-bulk", 2, size, second),
                sealed("ca-bulk", 2L * size, 2));

        VisibleEntry anas = (VisibleEntry) history.onlyEntryOf(ana);

        assertThat(anas.subjectIndex()).isZero();
        assertThat(anas.subjectCount()).isEqualTo(2L * size);
        assertThat(((VisibleEntry) history.onlyEntryOf(carla)).subjectIndex()).isEqualTo(size);
        assertThat(history.jdbc.queryForObject(
                        "select count(*) from history_subject where disclosure_id = 'ca-bulk'", Long.class))
                .isEqualTo(2L * size - 1);
    }

    @Test
    void givenEveryEventHandledAgain_whenTablesCompared_thenNothingChanged() {
        DisclosureDetails original = toIce(JUNE_15);
        List<Object> events = List.of(
                recorded("ca-1", original, sealedUntil("2026-01-01"), ana, ben),
                new DisclosureFlagged(
                        new DisclosureId("ca-1"),
                        null,
                        "us-medicaid-disclosures-sample",
                        "2025.1",
                        "ab".repeat(32),
                        JUNE_15,
                        List.of(new Finding(
                                "cfr-42-431-302", Severity.CONCERN, "The stated purpose LAW is not permitted."))),
                corrected("ca-1", "correction-1", original, madeQueryAccess(), Instant.parse("2025-06-20T08:00:00Z")),
                new DisclosureFlagged(
                        new DisclosureId("ca-1"),
                        new FollowOnId("correction-1"),
                        "us-medicaid-disclosures-sample",
                        "2025.1",
                        "ab".repeat(32),
                        JUNE_15,
                        List.of(new Finding("cms-ice-2025-agreement", Severity.CONCERN, "Outside the agreement."))),
                disputed("ca-1", "dispute-1", ana, "I never consented.", Instant.parse("2025-06-21T08:00:00Z")),
                destructionRequested("ca-1", "destruction-1", null, Instant.parse("2025-06-22T08:00:00Z")),
                destructionCertified(
                        "ca-1",
                        "certificate-1",
                        "destruction-1",
                        Instant.parse("2025-06-23T08:00:00Z"),
                        Instant.parse("2025-06-24T08:00:00Z")),
                lifted("ca-1", "lift-1", Instant.parse("2025-06-25T08:00:00Z")),
                opened("ca-bulk", toAuditor(JUNE_15), null),
                attached("ca-bulk", 1, 0, List.of(ana, carla)),
                attached("ca-bulk", 2, 2, people("bulk", 3)),
                sealed("ca-bulk", 5, 2));
        history.handle(events.toArray());
        Map<String, List<String>> once = ReadModelDump.of(history.jdbc, PersonHistoryProjection.TABLES);

        history.replay(events.toArray());
        Map<String, List<String>> replayed = ReadModelDump.of(history.jdbc, PersonHistoryProjection.TABLES);
        history.reset();
        history.handleTwice(events.toArray());
        Map<String, List<String>> redelivered = ReadModelDump.of(history.jdbc, PersonHistoryProjection.TABLES);

        assertThat(once.values())
                .as("rows of " + once.keySet())
                .extracting(List::size)
                .containsExactly(2, 7, 1, 1, 1, 1, 1, 1);
        assertThat(replayed).isEqualTo(once);
        assertThat(redelivered).isEqualTo(once);
    }

    /**
     * A batch holds its single disclosures and writes them together, at most {@link
     * PersonHistoryProjection#MOST_ROWS_PER_INSERT} rows in a statement, and before a follow-on that reads or changes
     * disclosure rows: the tables end as if each event had been a batch of its own.
     */
    @Test
    void givenSingleDisclosuresAndFollowOnsInOneBatch_whenTablesCompared_thenAsIfEachWasItsOwnBatch() {
        DisclosureDetails original = toIce(JUNE_15);
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 2 * PersonHistoryProjection.MOST_ROWS_PER_INSERT + 50; i++) {
            String id = "ca-" + i;
            events.add(recorded(id, original, i == 30 ? sealedUntil("2026-01-01") : null, person("listed-" + i), ana));
            switch (i) {
                case 7 ->
                    events.add(corrected(
                            id, "correction-1", original, madeQueryAccess(), Instant.parse("2025-06-20T08:00:00Z")));
                case 30 -> events.add(lifted(id, "lift-1", Instant.parse("2025-06-25T08:00:00Z")));
                case 60 -> events.add(flaggedConcern(id));
                case 120 -> {
                    events.add(disputed(id, "dispute-1", ana, "Not me.", Instant.parse("2025-06-21T08:00:00Z")));
                    events.add(opened("ca-bulk", toAuditor(JUNE_15), null));
                    events.add(attached("ca-bulk", 1, 0, List.of(ana, carla)));
                }
                default -> {}
            }
        }
        history.handle(events.toArray());
        Map<String, List<String>> oneByOne = ReadModelDump.of(history.jdbc, PersonHistoryProjection.TABLES);
        history.reset();

        history.handleAsOneBatch(events.toArray());
        Map<String, List<String>> together = ReadModelDump.of(history.jdbc, PersonHistoryProjection.TABLES);

        assertThat(together).isEqualTo(oneByOne);
        assertThat(together.get("history_disclosure")).hasSize(251);
        assertThat(together.get("history_subject")).hasSize(502);
        assertThat(together.get("history_finding_set")).hasSize(1);
        assertThat(history.historyOf(ana).totalEntries()).isEqualTo(251);
    }

    @Test
    void givenMoreSingleDisclosuresThanOneStatementCouldCarry_whenHandledAsOneBatch_thenEveryOneIsWritten() {
        // 2,300 rows of 29 parameters would be more than the 65,535 the driver sends in one statement.
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 2_300; i++) {
            events.add(recorded("ca-" + i, toIce(JUNE_15), null, person("many-" + i)));
        }

        history.handleAsOneBatch(events.toArray());

        assertThat(history.jdbc.queryForObject("SELECT count(*) FROM history_disclosure", Long.class))
                .isEqualTo(2_300);
        assertThat(history.jdbc.queryForObject("SELECT count(*) FROM history_subject", Long.class))
                .isEqualTo(2_300);
        assertThat(((VisibleEntry) history.onlyEntryOf(person("many-2299"))).disclosureId())
                .isEqualTo(new DisclosureId("ca-2299"));
    }

    @Test
    void givenSingleDisclosuresInABatch_whenHalfWayThrough_thenTheyWaitUntilAFollowOnNeedsTheirRows() {
        DisclosureDetails original = toIce(JUNE_15);
        List<Long> rowsHalfWay = new ArrayList<>();

        history.handleAsOneBatch(
                // A flag writes only its own table, so the disclosures are still held after it.
                List.of(
                        recorded("ca-1", original, null, ana),
                        recorded("ca-2", original, null, ben),
                        flaggedConcern("ca-1")),
                () -> rowsHalfWay.add(
                        history.jdbc.queryForObject("SELECT count(*) FROM history_disclosure", Long.class)),
                List.of(corrected(
                        "ca-1", "correction-1", original, madeQueryAccess(), Instant.parse("2025-06-20T08:00:00Z"))));

        assertThat(rowsHalfWay).containsExactly(0L);
        VisibleEntry entry = (VisibleEntry) history.onlyEntryOf(ana);
        assertThat(entry.corrected()).isTrue();
        assertThat(((VisibleEntry) history.onlyEntryOf(ben)).disclosureId()).isEqualTo(new DisclosureId("ca-2"));
    }

    @Test
    void givenNoUnitOfWork_whenARecordingIsHandled_thenItRefusesBeforeWritingAnything() {
        assertThatThrownBy(() -> history.projection.on(recorded("ca-1", toIce(JUNE_15), null, ana), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside an Axon unit of work");
        assertThat(history.historyOf(ana).entries()).isEmpty();
    }

    @Test
    void givenFollowOnOfDisclosureMissingFromTables_whenHandled_thenFailsInsteadOfSkipping() {
        assertThatThrownBy(() -> history.handleAgain(lifted("ca-unknown", "lift-1", NOW), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ca-unknown");
    }

    private static List<String> idsOf(HistoryPage page) {
        return page.entries().stream()
                .map(entry -> ((VisibleEntry) entry).disclosureId().value())
                .toList();
    }

    private static DisclosureFlagged flaggedConcern(String id) {
        return new DisclosureFlagged(
                new DisclosureId(id),
                null,
                "us-medicaid-disclosures-sample",
                "2025.1",
                "ab".repeat(32),
                JUNE_15,
                List.of(new Finding("cfr-42-431-302", Severity.CONCERN, "The stated purpose LAW is not permitted.")));
    }
}
