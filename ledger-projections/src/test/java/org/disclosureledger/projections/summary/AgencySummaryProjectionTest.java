package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosureledger.core.disclosure.DataCategory.ADDRESS;
import static org.disclosureledger.core.disclosure.DataCategory.CLAIMS;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.DataCategory.SSN;
import static org.disclosureledger.core.disclosure.PurposeOfUse.LAW;
import static org.disclosureledger.core.disclosure.PurposeOfUse.OVERSIGHT;
import static org.disclosureledger.projections.summary.SummaryExamples.ICE;
import static org.disclosureledger.projections.summary.SummaryExamples.OIG;
import static org.disclosureledger.projections.summary.SummaryExamples.attached;
import static org.disclosureledger.projections.summary.SummaryExamples.corrected;
import static org.disclosureledger.projections.summary.SummaryExamples.correction;
import static org.disclosureledger.projections.summary.SummaryExamples.destructionCertified;
import static org.disclosureledger.projections.summary.SummaryExamples.destructionRequested;
import static org.disclosureledger.projections.summary.SummaryExamples.details;
import static org.disclosureledger.projections.summary.SummaryExamples.opened;
import static org.disclosureledger.projections.summary.SummaryExamples.people;
import static org.disclosureledger.projections.summary.SummaryExamples.person;
import static org.disclosureledger.projections.summary.SummaryExamples.recorded;
import static org.disclosureledger.projections.summary.SummaryExamples.sealed;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agency-summary projection and its queries as plain objects, on a real PostgreSQL database. */
class AgencySummaryProjectionTest {

    static final Instant JUNE_15 = Instant.parse("2025-06-15T09:30:00Z");
    static final Instant JULY_2 = Instant.parse("2025-07-02T09:30:00Z");

    static SummaryFixture summaries;

    final PersonRef ana = person("ana");
    final PersonRef ben = person("ben");
    final PersonRef carla = person("carla");

    @BeforeAll
    static void database() {
        summaries = SummaryFixture.onFreshDatabase();
    }

    @AfterAll
    static void closeDatabase() {
        summaries.close();
    }

    @BeforeEach
    void emptyTables() {
        summaries.reset();
    }

    @Test
    void everyDataCategoryHasAPositionInTheMembershipCounts() {
        List<String> positioned = summaries.jdbc.queryForList(
                "SELECT data_category FROM summary_category ORDER BY position", String.class);
        List<Integer> positions =
                summaries.jdbc.queryForList("SELECT position FROM summary_category ORDER BY position", Integer.class);

        assertThat(positioned)
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(DataCategory.values())
                        .map(Enum::name)
                        .toList());
        assertThat(positions)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, positions.size())
                        .boxed()
                        .toList());
    }

    @Test
    void givenDisclosureOfTwoCategories_whenRecorded_thenEachCategoryCellCountsIt() {
        summaries.handle(recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME, ADDRESS), List.of(ana, ben)));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(
                        cell("CA", LAW, ADDRESS, "2025-06", 1, 2, 3, 0, 0),
                        cell("CA", LAW, NAME, "2025-06", 1, 2, 3, 0, 0));
        assertThat(summaries.queries.agencies())
                .containsExactly(new AgencyTotals(new AgencyId(ICE), "Agency " + ICE, 1, 2, 3, 0, 0, 0, 0, null));
    }

    @Test
    void givenTwoDisclosuresSharingPeople_whenSummarised_thenEachPersonCountedOnce() {
        summaries.handle(
                recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME), List.of(ana, ben)),
                recorded("ca-2", details(ICE, "CA", LAW, JUNE_15.plusSeconds(60), 5, NAME), List.of(ben, carla)));

        assertThat(summaries.cellsOf(ICE)).containsExactly(cell("CA", LAW, NAME, "2025-06", 2, 3, 8, 0, 0));
        assertThat(summaries.queries.agencies())
                .extracting(AgencyTotals::disclosures, AgencyTotals::subjects, AgencyTotals::records)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 3L, 8L));
    }

    @Test
    void givenCorrectedRecipientAndMonth_whenApplied_thenContributionMovesToTheNewCell() {
        DisclosureDetails second = details(ICE, "CA", LAW, JUNE_15, 5, NAME);
        summaries.handle(
                recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME), List.of(ana, ben)),
                recorded("ca-2", second, List.of(ben, carla)),
                corrected("ca-2", "correction-1", second, correction(JULY_2, OIG, null, null, null)));

        assertThat(summaries.cellsOf(ICE)).containsExactly(cell("CA", LAW, NAME, "2025-06", 1, 2, 3, 0, 0));
        assertThat(summaries.cellsOf(OIG)).containsExactly(cell("CA", LAW, NAME, "2025-07", 1, 2, 5, 0, 0));

        DisclosureDetails moved = correction(JULY_2, OIG, null, null, null).applyTo(second);
        summaries.handle(corrected("ca-2", "correction-2", moved, correction(JUNE_15, ICE, null, null, null)));

        assertThat(summaries.cellsOf(ICE)).containsExactly(cell("CA", LAW, NAME, "2025-06", 2, 3, 8, 0, 0));
        assertThat(summaries.queries.breakdown(BreakdownRequest.all(new AgencyId(OIG))))
                .isEmpty();
        assertThat(summaries.queries.agencies())
                .extracting(AgencyTotals::agency)
                .containsExactly(new AgencyId(ICE));
        assertThat(membershipRows()).isEqualTo(3);
    }

    @Test
    void givenCorrectedPurposeCategoriesAndRecords_whenApplied_thenDroppedCategoryCellDisappears() {
        DisclosureDetails original = details(ICE, "CA", LAW, JUNE_15, 3, NAME, ADDRESS);
        summaries.handle(
                recorded("ca-1", original, List.of(ana, ben)),
                recorded("ca-2", details(ICE, "CA", OVERSIGHT, JUNE_15, 7, SSN), List.of(ben)),
                corrected(
                        "ca-1", "correction-1", original, correction(null, null, OVERSIGHT, List.of(NAME, SSN), 10L)));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(
                        cell("CA", OVERSIGHT, NAME, "2025-06", 1, 2, 10, 0, 0),
                        cell("CA", OVERSIGHT, SSN, "2025-06", 2, 2, 17, 0, 0));
        // One membership row per person per group (agency, state, purpose, month), whatever its categories.
        assertThat(membershipRows()).isEqualTo(2);
    }

    @Test
    void givenDestructionRequestsAndCertifications_whenSummarised_thenAnsweredRequestsAreNoLongerOpen() {
        DisclosureDetails original = details(ICE, "CA", LAW, JUNE_15, 3, NAME, ADDRESS);
        summaries.handle(
                recorded("ca-1", original, List.of(ana)),
                destructionRequested("ca-1", "request-1"),
                destructionRequested("ca-1", "request-2"),
                destructionCertified("ca-1", "certificate-1", "request-1"),
                destructionCertified("ca-1", "certificate-2", null));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(
                        cell("CA", LAW, ADDRESS, "2025-06", 1, 1, 3, 1, 2),
                        cell("CA", LAW, NAME, "2025-06", 1, 1, 3, 1, 2));
        assertThat(summaries.queries.agencies())
                .containsExactly(new AgencyTotals(new AgencyId(ICE), "Agency " + ICE, 1, 1, 3, 1, 2, 0, 0, null));

        summaries.handle(
                corrected("ca-1", "correction-1", original, correction(JULY_2, null, null, null, null)),
                destructionCertified("ca-1", "certificate-3", "request-2"));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(
                        cell("CA", LAW, ADDRESS, "2025-07", 1, 1, 3, 0, 3),
                        cell("CA", LAW, NAME, "2025-07", 1, 1, 3, 0, 3));
    }

    @Test
    void givenDisclosuresAroundMonthEnd_whenSummarised_thenTheUtcMonthDecides() {
        summaries.handle(
                recorded(
                        "ca-1",
                        details(ICE, "CA", LAW, Instant.parse("2025-06-30T23:59:59.999999Z"), 1, NAME),
                        List.of(ana)),
                recorded("ca-2", details(ICE, "CA", LAW, Instant.parse("2025-07-01T00:00:00Z"), 1, NAME), List.of(ben)),
                // 20:00 on June 30 in Washington is already July in UTC.
                recorded(
                        "ca-3",
                        details(
                                ICE,
                                "CA",
                                LAW,
                                java.time.OffsetDateTime.parse("2025-06-30T20:00:00-04:00")
                                        .toInstant(),
                                1,
                                NAME),
                        List.of(carla)),
                recorded(
                        "ca-4", details(ICE, "CA", LAW, Instant.parse("2025-08-01T00:00:00Z"), 1, NAME), List.of(ana)));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(
                        cell("CA", LAW, NAME, "2025-06", 1, 1, 1, 0, 0),
                        cell("CA", LAW, NAME, "2025-07", 2, 2, 2, 0, 0),
                        cell("CA", LAW, NAME, "2025-08", 1, 1, 1, 0, 0));
        assertThat(summaries
                        .queries
                        .breakdown(new BreakdownRequest(
                                new AgencyId(ICE), null, null, null, YearMonth.of(2025, 7), YearMonth.of(2025, 7)))
                        .orElseThrow()
                        .cells())
                .containsExactly(cell("CA", LAW, NAME, "2025-07", 2, 2, 2, 0, 0));
    }

    @Test
    void givenBreakdownFilters_whenQueried_thenOnlyMatchingCells() {
        summaries.handle(
                recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME, ADDRESS), List.of(ana)),
                recorded("il-1", details(ICE, "IL", OVERSIGHT, JUNE_15, 4, CLAIMS), List.of(person("il-ana"))),
                recorded("il-2", details(OIG, "IL", OVERSIGHT, JULY_2, 5, CLAIMS), List.of(person("il-ben"))));
        AgencyId ice = new AgencyId(ICE);

        assertThat(cells(new BreakdownRequest(ice, new StateCode("IL"), null, null, null, null)))
                .containsExactly(cell("IL", OVERSIGHT, CLAIMS, "2025-06", 1, 1, 4, 0, 0));
        assertThat(cells(new BreakdownRequest(ice, null, LAW, NAME, null, null)))
                .containsExactly(cell("CA", LAW, NAME, "2025-06", 1, 1, 3, 0, 0));
        assertThat(cells(new BreakdownRequest(ice, null, null, null, YearMonth.of(2025, 7), null)))
                .isEmpty();
        assertThat(summaries.queries.agencies(new StateCode("CA")))
                .containsExactly(new AgencyTotals(ice, "Agency " + ICE, 1, 1, 3, 0, 0, 0, 0, null));
        assertThat(summaries.queries.agencies(new StateCode("IL")))
                .extracting(AgencyTotals::agency, AgencyTotals::records)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ice, 4L),
                        org.assertj.core.groups.Tuple.tuple(new AgencyId(OIG), 5L));
        assertThatThrownBy(
                        () -> new BreakdownRequest(ice, null, null, null, YearMonth.of(2025, 7), YearMonth.of(2025, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-07");
    }

    @Test
    void givenBulkChunksRedeliveredAndPersonListedTwice_whenSummarised_thenCountedOnce() {
        List<PersonRef> first = people("bulk-a", 5);
        List<PersonRef> second = new ArrayList<>(people("bulk-b", 5));
        second.add(first.get(0));
        DisclosureDetails bulk = details(ICE, "CA", LAW, JUNE_15, 11, NAME);

        summaries.handleTwice(
                opened("ca-bulk", bulk),
                attached("ca-bulk", 1, 0, first),
                attached("ca-bulk", 2, 5, second),
                sealed("ca-bulk", 11, 2));
        // A replay over existing rows, from the first event.
        summaries.handleAgain(opened("ca-bulk", bulk), 0);
        summaries.handleAgain(attached("ca-bulk", 1, 0, first), 1);

        assertThat(summaries.cellsOf(ICE)).containsExactly(cell("CA", LAW, NAME, "2025-06", 1, 10, 11, 0, 0));
    }

    @Test
    void givenPersonListedInTwoChunksOfACorrectedBulk_whenSummarised_thenTheyLeaveTheOldCellAndCountOnceInTheNew() {
        List<PersonRef> first = people("bulk-a", 3);
        List<PersonRef> second = new ArrayList<>(people("bulk-b", 2));
        second.add(first.get(0));
        second.add(ana);
        DisclosureDetails bulk = details(ICE, "CA", LAW, JUNE_15, 7, NAME, SSN);
        summaries.handle(
                recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 1, NAME), List.of(ana)),
                opened("ca-bulk", bulk),
                attached("ca-bulk", 1, 0, first),
                attached("ca-bulk", 2, 3, second),
                sealed("ca-bulk", 7, 2));
        // Listed twice, counted once: 3 + 2 new people and ana, who ca-1 already counts in the NAME cell.
        assertThat(summaries.cellsOf(ICE))
                .containsExactly(
                        cell("CA", LAW, NAME, "2025-06", 2, 6, 8, 0, 0),
                        cell("CA", LAW, SSN, "2025-06", 1, 6, 7, 0, 0));

        // Moved to July and SSN dropped: every listing of the twice-listed person leaves June, ana stays there
        // through ca-1, and July counts each person once.
        summaries.handle(
                corrected("ca-bulk", "correction-1", bulk, correction(JULY_2, null, null, List.of(NAME), null)));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(
                        cell("CA", LAW, NAME, "2025-06", 1, 1, 1, 0, 0),
                        cell("CA", LAW, NAME, "2025-07", 1, 6, 7, 0, 0));
        assertThat(summaries.jdbc.queryForObject(
                        "SELECT count(*) FROM summary_group_subject WHERE 0 = ALL (counts)", Long.class))
                .isZero();

        // And back: June counts them all again, once each, and July is gone.
        DisclosureDetails moved =
                correction(JULY_2, null, null, List.of(NAME), null).applyTo(bulk);
        summaries.handle(corrected("ca-bulk", "correction-2", moved, correction(JUNE_15, null, null, null, null)));

        assertThat(summaries.cellsOf(ICE)).containsExactly(cell("CA", LAW, NAME, "2025-06", 2, 6, 8, 0, 0));
        assertThat(summaries.queries.agencies())
                .extracting(AgencyTotals::disclosures, AgencyTotals::subjects)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 6L));
    }

    @Test
    void givenOpenBulkCorrectedTwiceBetweenChunks_whenSummarised_thenEverySubjectCountsInTheNewCellOnce() {
        DisclosureDetails bulk = details(ICE, "CA", LAW, JUNE_15, 6, NAME);
        summaries.handle(opened("ca-bulk", bulk), attached("ca-bulk", 1, 0, people("early", 3)));
        summaries.handleTwice(corrected("ca-bulk", "correction-1", bulk, correction(JULY_2, null, null, null, null)));
        summaries.handle(attached("ca-bulk", 2, 3, people("late", 3)), sealed("ca-bulk", 6, 2));

        assertThat(summaries.cellsOf(ICE)).containsExactly(cell("CA", LAW, NAME, "2025-07", 1, 6, 6, 0, 0));
        assertThat(membershipRows()).isEqualTo(6);
    }

    private List<SummaryCell> cells(BreakdownRequest request) {
        return summaries.queries.breakdown(request).orElseThrow().cells();
    }

    private long membershipRows() {
        return summaries.jdbc.queryForObject("SELECT count(*) FROM summary_group_subject", Long.class);
    }

    static SummaryCell cell(
            String state,
            PurposeOfUse purpose,
            DataCategory category,
            String month,
            long disclosures,
            long subjects,
            long records,
            long open,
            long certified) {
        return new SummaryCell(
                new StateCode(state),
                purpose,
                category,
                YearMonth.parse(month),
                disclosures,
                subjects,
                records,
                open,
                certified,
                0,
                null);
    }

    /** A cell with flagged disclosures. */
    static SummaryCell flaggedCell(
            String state,
            PurposeOfUse purpose,
            DataCategory category,
            String month,
            long disclosures,
            long subjects,
            long records,
            long flagged,
            Severity mostSevere) {
        return new SummaryCell(
                new StateCode(state),
                purpose,
                category,
                YearMonth.parse(month),
                disclosures,
                subjects,
                records,
                0,
                0,
                flagged,
                mostSevere);
    }
}
