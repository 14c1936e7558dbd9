package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosureledger.core.disclosure.DataCategory.ADDRESS;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.DataCategory.SSN;
import static org.disclosureledger.core.disclosure.PurposeOfUse.LAW;
import static org.disclosureledger.core.disclosure.PurposeOfUse.OVERSIGHT;
import static org.disclosureledger.projections.summary.AgencySummaryProjectionTest.JULY_2;
import static org.disclosureledger.projections.summary.AgencySummaryProjectionTest.JUNE_15;
import static org.disclosureledger.projections.summary.AgencySummaryProjectionTest.cell;
import static org.disclosureledger.projections.summary.AgencySummaryProjectionTest.flaggedCell;
import static org.disclosureledger.projections.summary.SummaryExamples.ICE;
import static org.disclosureledger.projections.summary.SummaryExamples.OIG;
import static org.disclosureledger.projections.summary.SummaryExamples.attached;
import static org.disclosureledger.projections.summary.SummaryExamples.corrected;
import static org.disclosureledger.projections.summary.SummaryExamples.correction;
import static org.disclosureledger.projections.summary.SummaryExamples.destructionCertified;
import static org.disclosureledger.projections.summary.SummaryExamples.destructionRequested;
import static org.disclosureledger.projections.summary.SummaryExamples.details;
import static org.disclosureledger.projections.summary.SummaryExamples.flagged;
import static org.disclosureledger.projections.summary.SummaryExamples.opened;
import static org.disclosureledger.projections.summary.SummaryExamples.people;
import static org.disclosureledger.projections.summary.SummaryExamples.recorded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.readmodel.ReadModelDump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The memberships and cells are written once per batch, when it commits ({@link CellChanges}): a batch of many events
 * leaves the tables exactly as the same events one batch each do, a cell entered and left in one batch is gone, a
 * failed batch (a handler's failure, a missing cell, a group key collision) writes none of its cells, two batches
 * meeting the same cells or adding the same people to a group in opposite orders both commit, and a handler called
 * outside a batch refuses.
 */
class AgencySummaryBatchTest {

    static SummaryFixture summaries;

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
    void givenTheEventsOfManyDisclosuresSharingCells_whenHandledAsOneBatch_thenTheTablesAreThoseOfOneEventABatch() {
        Object[] events = manyDisclosuresSharingCells();

        summaries.handle(events);
        Map<String, List<String>> oneEventABatch = tables();
        summaries.reset();
        summaries.handleAsOneBatch(events);

        assertThat(tables()).isEqualTo(oneEventABatch);
        // The example counts in cells of both agencies, with subjects, follow-ons and flags, so that the comparison
        // compares something.
        assertThat(summaries.cellsOf(ICE)).hasSizeGreaterThan(1);
        assertThat(summaries.cellsOf(OIG)).isNotEmpty();
        assertThat(summaries.jdbc.queryForObject(
                        "SELECT sum(subjects) * sum(open_destruction_requests) * sum(certified_destructions)"
                                + " * sum(flagged_concern) FROM summary_cell",
                        Long.class))
                .isPositive();
    }

    @Test
    void givenTheSameEvents_whenSplitIntoBatchesAnywhere_thenTheTablesAreTheSame() {
        Object[] events = manyDisclosuresSharingCells();
        summaries.handle(events);
        Map<String, List<String>> oneEventABatch = tables();

        for (int split = 1; split < events.length; split += 3) {
            summaries.reset();
            summaries.handleAsOneBatch(Arrays.copyOfRange(events, 0, split));
            summaries.handleAsOneBatch(Arrays.copyOfRange(events, split, events.length));

            assertThat(tables()).as("split before event " + split).isEqualTo(oneEventABatch);
        }
    }

    @Test
    void givenMorePeopleThanOneStatementWrites_whenHandledAsOneBatch_thenTheTablesAreThoseOfOneEventABatch() {
        // 17,000 listings of 13,000 people in one group: written in two slices, some people under two category sets,
        // some listed twice in one disclosure.
        List<PersonRef> population = people("many", 13_000);
        Object[] events = {
            opened("monday", details(ICE, "CA", LAW, JUNE_15, 9_000, NAME)),
            opened("tuesday", details(ICE, "CA", LAW, JUNE_15, 8_000, NAME, SSN)),
            attached("monday", 1, 0, population.subList(0, 8_000)),
            attached("tuesday", 1, 0, population.subList(5_000, 13_000)),
            attached("monday", 2, 8_000, population.subList(7_000, 8_000))
        };
        summaries.handle(events);
        Map<String, List<String>> oneEventABatch = tables();
        summaries.reset();

        summaries.handleAsOneBatch(events);

        assertThat(tables()).isEqualTo(oneEventABatch);
        assertThat(summaries.cellsOf(ICE))
                .containsExactlyInAnyOrder(
                        cell("CA", LAW, NAME, "2025-06", 2, 13_000, 17_000, 0, 0),
                        cell("CA", LAW, SSN, "2025-06", 1, 8_000, 8_000, 0, 0));
    }

    @Test
    void givenRecordingsAndTheirFollowOnsInOneBatch_whenHandled_thenTheTablesAreThoseOfOneEventABatch() {
        // Single disclosures are held and inserted together, at most MOST_ROWS_PER_INSERT in a statement, and before
        // any follow-on, which may be of one of them.
        Object[] events = recordingsWithFollowOns();
        summaries.handle(events);
        Map<String, List<String>> oneEventABatch = tables();
        summaries.reset();

        summaries.handleAsOneBatch(events);

        assertThat(tables()).isEqualTo(oneEventABatch);
        assertThat(summaries.jdbc.queryForObject(
                        "SELECT sum(disclosures) || ' ' || sum(subjects) || ' ' || sum(open_destruction_requests)"
                                + " || ' ' || sum(flagged_concern) FROM summary_cell",
                        String.class))
                .isEqualTo("250 500 1 1");
        assertThat(summaries.cellsOf(OIG)).containsExactly(cell("CA", LAW, NAME, "2025-07", 1, 2, 3, 0, 0));
    }

    @Test
    void givenABatchRedeliveredOverRowsItPartlyWrote_whenHandledAgain_thenNothingCountsTwice() {
        Object[] events = recordingsWithFollowOns();
        summaries.handle(events);
        Map<String, List<String>> oneEventABatch = tables();
        summaries.reset();

        summaries.replayAsOneBatch(Arrays.copyOfRange(events, 0, 120));
        summaries.replayAsOneBatch(events);

        assertThat(tables()).isEqualTo(oneEventABatch);
    }

    @Test
    void givenTheSameRecordingTwiceInOneBatch_whenHandled_thenItCountsOnce() {
        DisclosureRecorded event = recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME), people("p", 2));

        summaries.handleAsOneBatch(event, event);

        assertThat(summaries.cellsOf(ICE)).containsExactly(cell("CA", LAW, NAME, "2025-06", 1, 2, 3, 0, 0));
    }

    @Test
    void givenMoreRecordingsThanOneStatementCouldCarry_whenHandledAsOneBatch_thenEveryOneCounts() {
        // 6,600 rows of 10 parameters would be more than the 65,535 the driver sends in one statement.
        DisclosureDetails toIce = details(ICE, "CA", LAW, JUNE_15, 3, NAME);
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 6_600; i++) {
            events.add(recorded("ca-" + i, toIce, people("p" + i, 1)));
        }

        summaries.handleAsOneBatch(events.toArray());

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(cell("CA", LAW, NAME, "2025-06", 6_600, 6_600, 19_800, 0, 0));
    }

    @Test
    void givenRecordingsInABatch_whenHalfWayThrough_thenTheyWaitUntilTheCellsOrAFollowOnNeedThem() {
        DisclosureDetails toIce = details(ICE, "CA", LAW, JUNE_15, 3, NAME);
        List<Long> rowsHalfWay = new ArrayList<>();

        summaries.handleAsOneBatch(
                List.of(recorded("ca-1", toIce, people("a", 2)), recorded("ca-2", toIce, people("b", 2))),
                () -> rowsHalfWay.add(
                        summaries.jdbc.queryForObject("SELECT count(*) FROM summary_disclosure", Long.class)),
                List.of(flagged("ca-1", null, Severity.CONCERN)));

        assertThat(rowsHalfWay).containsExactly(0L);
        assertThat(summaries.jdbc.queryForObject(
                        "SELECT sum(disclosures) || ' ' || sum(flagged_concern) FROM summary_cell", String.class))
                .isEqualTo("2 1");
    }

    @Test
    void givenADisclosureRecordedAndCorrectedAwayInOneBatch_whenCommitted_thenItsFirstCellIsGone() {
        DisclosureDetails original = details(ICE, "CA", LAW, JUNE_15, 3, NAME);

        summaries.handleAsOneBatch(
                recorded("ca-1", original, people("p", 2)),
                corrected("ca-1", "correction-1", original, correction(JULY_2, OIG, null, null, null)));

        assertThat(summaries.cellsOf(ICE)).isEmpty();
        assertThat(summaries.cellsOf(OIG)).containsExactly(cell("CA", LAW, NAME, "2025-07", 1, 2, 3, 0, 0));
    }

    @Test
    void givenOneDisclosureEnteringACellAnotherLeavesWithMoreRecords_whenInOneBatch_thenTheCellTakesTheNetChange() {
        DisclosureDetails large = details(ICE, "CA", LAW, JUNE_15, 10, NAME);
        summaries.handle(recorded("ca-large", large, people("large", 3)));

        // Net: no more disclosures, 7 records fewer: a change the cell takes as an update, never as a new row.
        summaries.handleAsOneBatch(
                recorded("ca-small", details(ICE, "CA", LAW, JUNE_15, 3, NAME), people("small", 1)),
                corrected("ca-large", "correction-1", large, correction(null, null, OVERSIGHT, null, null)));

        assertThat(summaries.cellsOf(ICE))
                .containsExactlyInAnyOrder(
                        cell("CA", LAW, NAME, "2025-06", 1, 1, 3, 0, 0),
                        cell("CA", OVERSIGHT, NAME, "2025-06", 1, 3, 10, 0, 0));
    }

    @Test
    void givenAFlagWhoseDisclosureCountedBefore_whenAnotherIsRecordedAndFlaggedInTheBatch_thenBothCountAsFlagged() {
        DisclosureDetails june = details(ICE, "CA", LAW, JUNE_15, 3, NAME);
        summaries.handle(recorded("ca-1", june, people("p", 2)));

        // Net for the cell: one disclosure more and two flagged more, which is no valid cell by itself: the cell
        // exists, and takes it as an update.
        summaries.handleAsOneBatch(
                flagged("ca-1", null, Severity.CONCERN),
                recorded("ca-2", june, people("q", 2)),
                flagged("ca-2", null, Severity.CONCERN));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(flaggedCell("CA", LAW, NAME, "2025-06", 2, 4, 6, 2, Severity.CONCERN));
    }

    @Test
    void givenTwoBatchesMeetingTheSameCellsInOppositeOrders_whenRunConcurrently_thenBothCommitWithoutADeadlock()
            throws Exception {
        DisclosureDetails law = details(ICE, "CA", LAW, JUNE_15, 3, NAME);
        DisclosureDetails oversight = details(ICE, "CA", OVERSIGHT, JUNE_15, 5, NAME);

        inTwoBatchesPausedBetween(
                List.of(recorded("law-1", law, people("a", 1))),
                List.of(recorded("oversight-1", oversight, people("b", 1))),
                List.of(recorded("oversight-2", oversight, people("c", 1))),
                List.of(recorded("law-2", law, people("d", 1))));

        assertThat(summaries.cellsOf(ICE))
                .containsExactlyInAnyOrder(
                        cell("CA", LAW, NAME, "2025-06", 2, 2, 6, 0, 0),
                        cell("CA", OVERSIGHT, NAME, "2025-06", 2, 2, 10, 0, 0));
    }

    @Test
    void givenTwoBatchesAddingTheSamePeopleToAGroupInOppositeOrders_whenRunConcurrently_thenBothCommitWithoutADeadlock()
            throws Exception {
        // Two bulk disclosures of one population to one agency in one month, their chunks in different orders.
        DisclosureDetails monday = details(ICE, "CA", LAW, JUNE_15, 2, NAME);
        DisclosureDetails tuesday = details(ICE, "CA", LAW, JUNE_15, 2, NAME, SSN);
        summaries.handle(opened("monday", monday), opened("tuesday", tuesday));
        List<PersonRef> population = people("population", 2);

        inTwoBatchesPausedBetween(
                List.of(attached("monday", 1, 0, population.subList(0, 1))),
                List.of(attached("monday", 2, 1, population.subList(1, 2))),
                List.of(attached("tuesday", 1, 0, population.subList(1, 2))),
                List.of(attached("tuesday", 2, 1, population.subList(0, 1))));

        assertThat(summaries.cellsOf(ICE))
                .containsExactlyInAnyOrder(
                        cell("CA", LAW, NAME, "2025-06", 2, 2, 4, 0, 0),
                        cell("CA", LAW, SSN, "2025-06", 1, 2, 2, 0, 0));
    }

    /**
     * Runs two batches at once, as two segments would, each handling its first events, waiting until the other has
     * handled its first events too, and then handling the rest: had a handler locked a shared row, each batch would
     * now hold a row the other needs next.
     */
    private static void inTwoBatchesPausedBetween(
            List<Object> oneFirst, List<Object> oneThen, List<Object> otherFirst, List<Object> otherThen)
            throws Exception {
        CyclicBarrier bothHandledTheirFirst = new CyclicBarrier(2);
        Runnable pause = () -> {
            try {
                bothHandledTheirFirst.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        ExecutorService twoSegments = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = twoSegments.submit(() -> summaries.handleAsOneBatch(oneFirst, pause, oneThen));
            Future<?> other = twoSegments.submit(() -> summaries.handleAsOneBatch(otherFirst, pause, otherThen));
            one.get(30, TimeUnit.SECONDS);
            other.get(30, TimeUnit.SECONDS);
        } finally {
            twoSegments.shutdownNow();
        }
    }

    @Test
    void givenABatchWhoseLastEventFails_whenHandled_thenNoneOfItsCellsIsWritten() {
        summaries.handle(recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME), people("p", 2)));
        Map<String, List<String>> before = tables();

        // A follow-on of a disclosure the summaries have no row for fails (and the processor would retry it).
        assertThatThrownBy(() -> summaries.handleAsOneBatch(
                        recorded("ca-2", details(ICE, "CA", LAW, JUNE_15, 5, NAME), people("q", 2)),
                        destructionRequested("ca-1", "request-1"),
                        destructionRequested("never-recorded", "request-2")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no row for disclosure")
                .hasMessageContaining("never-recorded");

        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void givenACellDeletedOutsideTheProjection_whenAFollowOnChangesIt_thenTheBatchFailsAndChangesNothing() {
        summaries.handle(recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME), people("p", 2)));
        summaries.jdbc.update("DELETE FROM summary_cell");

        assertThatThrownBy(() -> summaries.handle(destructionRequested("ca-1", "request-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("have no cell")
                .hasMessageContaining("changed outside the projection");
        assertThat(summaries.jdbc.queryForObject(
                        "SELECT open_request_ids FROM summary_disclosure WHERE disclosure_id = 'ca-1'", String.class))
                .isEqualTo("{}");
    }

    @Test
    void givenAGroupKeyHeldByAnotherGroup_whenADisclosureCountsInIt_thenTheBatchFailsAndChangesNothing() {
        // A 64-bit hash collision, staged: the group's key already maps to another agency.
        summaries.jdbc.update(
                "INSERT INTO summary_group (group_id, recipient_agency_id, custodian_state, purpose_code,"
                        + " month) VALUES (summary_group_id(?, 'CA', 'LAW', DATE '2025-06-01'), 'another-agency', 'CA',"
                        + " 'LAW', DATE '2025-06-01')",
                ICE);

        assertThatThrownBy(() ->
                        summaries.handle(recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME), people("p", 2))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already held by another group");
        assertThat(summaries.jdbc.queryForObject("SELECT count(*) FROM summary_disclosure", Long.class))
                .isZero();
        assertThat(summaries.cellsOf(ICE)).isEmpty();
    }

    @Test
    void givenNoUnitOfWork_whenAHandlerRuns_thenItRefusesBeforeWritingAnything() {
        DisclosureRecorded event = recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME), people("p", 2));
        TransactionTemplate transaction = summaries.transactions();

        // In a transaction, and without one, where each statement would commit at once.
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> summaries.projection.on(event, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside an Axon unit of work");
        assertThatThrownBy(() -> summaries.projection.on(event, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside an Axon unit of work");
        assertThat(summaries.jdbc.queryForObject("SELECT count(*) FROM summary_disclosure", Long.class))
                .isZero();
    }

    /**
     * Disclosures to two agencies in overlapping cells, with people in several of them: recordings, a bulk disclosure
     * in chunks, corrections moving contributions between cells (one back again), flags, destruction requests and a
     * certification.
     */
    private static Object[] manyDisclosuresSharingCells() {
        DisclosureDetails first = details(ICE, "CA", LAW, JUNE_15, 3, NAME, ADDRESS);
        DisclosureDetails second = details(ICE, "CA", LAW, JUNE_15, 5, NAME);
        DisclosureDetails third = details(ICE, "CA", OVERSIGHT, JUNE_15, 7, SSN);
        DisclosureDetails bulk = details(ICE, "CA", LAW, JUNE_15, 40, NAME, SSN);
        DisclosureDetails movedSecond =
                correction(JULY_2, OIG, null, null, null).applyTo(second);
        List<Object> events = List.of(
                recorded("ca-1", first, people("a", 3)),
                recorded("ca-2", second, people("a", 5)),
                opened("ca-bulk", bulk),
                attached("ca-bulk", 1, 0, people("a", 4)),
                // Two of the same people again: listed twice in one disclosure.
                attached("ca-bulk", 2, 4, people("a", 2)),
                recorded("ca-3", third, people("b", 2)),
                // A category added in the same group: its people enter a cell while their first listing may still wait.
                corrected("ca-3", "correction-0", third, correction(null, null, null, List.of(SSN, NAME), null)),
                flagged("ca-2", null, Severity.CONCERN),
                destructionRequested("ca-1", "request-1"),
                corrected("ca-2", "correction-1", second, correction(JULY_2, OIG, null, null, null)),
                attached("ca-bulk", 3, 6, people("b", 3)),
                corrected("ca-1", "correction-2", first, correction(null, null, OVERSIGHT, List.of(NAME, SSN), 9L)),
                destructionRequested("ca-3", "request-2"),
                destructionCertified("ca-3", "certification-1", "request-2"),
                corrected("ca-2", "correction-3", movedSecond, correction(JUNE_15, ICE, null, null, null)),
                flagged("ca-2", "correction-3", Severity.CONCERN),
                recorded("oig-1", details(OIG, "IL", OVERSIGHT, JULY_2, 2, ADDRESS), people("c", 2)));
        return events.toArray();
    }

    /**
     * 250 single disclosures to one agency, more than one statement inserts, with a correction moving one of them to
     * another agency and month, a flag and a destruction request of others, each right after its recording.
     */
    private static Object[] recordingsWithFollowOns() {
        DisclosureDetails toIce = details(ICE, "CA", LAW, JUNE_15, 3, NAME);
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 2 * AgencySummaryProjection.MOST_ROWS_PER_INSERT + 50; i++) {
            String id = "ca-" + i;
            events.add(recorded(id, toIce, people("p" + i, 2)));
            switch (i) {
                case 7 -> events.add(corrected(id, "correction-1", toIce, correction(JULY_2, OIG, null, null, null)));
                case 60 -> events.add(flagged(id, null, Severity.CONCERN));
                case 130 -> events.add(destructionRequested(id, "request-1"));
                default -> {}
            }
        }
        return events.toArray();
    }

    /** Every row of the summaries' tables, sorted. */
    private static Map<String, List<String>> tables() {
        return ReadModelDump.of(summaries.jdbc, AgencySummaryProjection.TABLES);
    }
}
