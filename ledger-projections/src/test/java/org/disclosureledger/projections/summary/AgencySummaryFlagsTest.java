package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.disclosureledger.core.disclosure.DataCategory.ADDRESS;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.PurposeOfUse.LAW;
import static org.disclosureledger.core.rulebook.Severity.CONCERN;
import static org.disclosureledger.core.rulebook.Severity.NOTICE;
import static org.disclosureledger.core.rulebook.Severity.VIOLATION;
import static org.disclosureledger.projections.summary.AgencySummaryProjectionTest.cell;
import static org.disclosureledger.projections.summary.AgencySummaryProjectionTest.flaggedCell;
import static org.disclosureledger.projections.summary.SummaryExamples.ICE;
import static org.disclosureledger.projections.summary.SummaryExamples.OIG;
import static org.disclosureledger.projections.summary.SummaryExamples.attached;
import static org.disclosureledger.projections.summary.SummaryExamples.corrected;
import static org.disclosureledger.projections.summary.SummaryExamples.correction;
import static org.disclosureledger.projections.summary.SummaryExamples.details;
import static org.disclosureledger.projections.summary.SummaryExamples.flagged;
import static org.disclosureledger.projections.summary.SummaryExamples.opened;
import static org.disclosureledger.projections.summary.SummaryExamples.people;
import static org.disclosureledger.projections.summary.SummaryExamples.person;
import static org.disclosureledger.projections.summary.SummaryExamples.recorded;
import static org.disclosureledger.projections.summary.SummaryExamples.sealed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flagged disclosures in the agency summaries, with the projection and its queries as plain objects on a real
 * PostgreSQL database: counted once per disclosure under its latest judgement's most severe finding, and per agency
 * with the distinct people the flagged disclosures named.
 */
class AgencySummaryFlagsTest {

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
    void givenDisclosureFlaggedWithSeveralFindings_whenSummarised_thenCountedOnceUnderTheMostSevere() {
        summaries.handle(
                recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME, ADDRESS), List.of(ana, ben)),
                recorded("ca-2", details(ICE, "CA", LAW, JUNE_15, 5, NAME, ADDRESS), List.of(ben, carla)));
        summaries.handleTwice(flagged("ca-2", null, CONCERN, VIOLATION, NOTICE));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(
                        flaggedCell("CA", LAW, ADDRESS, "2025-06", 2, 3, 8, 1, VIOLATION),
                        flaggedCell("CA", LAW, NAME, "2025-06", 2, 3, 8, 1, VIOLATION));
        assertThat(summaries.queries.agencies())
                .containsExactly(new AgencyTotals(new AgencyId(ICE), "Agency " + ICE, 2, 3, 8, 0, 0, 1, 2, VIOLATION));
    }

    @Test
    void givenTwoFlaggedDisclosuresSharingPeople_whenSummarised_thenEachFlaggedPersonCountedOnce() {
        summaries.handle(
                recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 3, NAME), List.of(ana, ben)),
                flagged("ca-1", null, NOTICE),
                recorded("ca-2", details(ICE, "CA", LAW, JUNE_15, 5, NAME), List.of(ben, carla)),
                flagged("ca-2", null, CONCERN),
                recorded("ca-3", details(ICE, "CA", LAW, JUNE_15, 1, NAME), List.of(person("dora"))));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(flaggedCell("CA", LAW, NAME, "2025-06", 3, 4, 9, 2, CONCERN));
        assertThat(summaries.queries.agencies())
                .extracting(
                        AgencyTotals::flaggedDisclosures,
                        AgencyTotals::flaggedSubjects,
                        AgencyTotals::mostSevereFinding)
                .containsExactly(tuple(2L, 3L, CONCERN));
    }

    @Test
    void givenFlaggedDisclosureCorrectedAndJudgedAgain_whenSummarised_thenCountedOnceUnderTheLatestJudgement() {
        DisclosureDetails original = details(ICE, "CA", LAW, JUNE_15, 3, NAME);
        summaries.handle(
                recorded("ca-1", original, List.of(ana, ben)),
                flagged("ca-1", null, VIOLATION),
                recorded("ca-2", details(ICE, "CA", LAW, JUNE_15, 5, NAME), List.of(ben)),
                flagged("ca-2", null, NOTICE));
        summaries.handleTwice(
                corrected("ca-1", "correction-1", original, correction(null, null, null, null, 4L)),
                flagged("ca-1", "correction-1", CONCERN));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(flaggedCell("CA", LAW, NAME, "2025-06", 2, 2, 9, 2, CONCERN));
    }

    @Test
    void givenFlaggedDisclosureCorrectedToDetailsWithNothingToFind_whenSummarised_thenNoLongerFlagged() {
        DisclosureDetails original = details(ICE, "CA", LAW, JUNE_15, 3, NAME);
        summaries.handle(
                recorded("ca-1", original, List.of(ana, ben)),
                flagged("ca-1", null, VIOLATION),
                recorded("ca-2", details(ICE, "CA", LAW, JUNE_15, 5, NAME), List.of(ben)),
                flagged("ca-2", null, NOTICE));

        summaries.handle(corrected("ca-1", "correction-1", original, correction(null, null, null, null, 4L)));

        assertThat(summaries.cellsOf(ICE)).containsExactly(flaggedCell("CA", LAW, NAME, "2025-06", 2, 2, 9, 1, NOTICE));
        assertThat(summaries.queries.agencies())
                .extracting(
                        AgencyTotals::flaggedDisclosures,
                        AgencyTotals::flaggedSubjects,
                        AgencyTotals::mostSevereFinding)
                .containsExactly(tuple(1L, 1L, NOTICE));
    }

    @Test
    void givenFlaggedDisclosureMovedByCorrection_whenJudgedAgain_thenTheFlagCountsInTheNewCellOnly() {
        DisclosureDetails original = details(ICE, "CA", LAW, JUNE_15, 3, NAME);
        summaries.handle(
                recorded("ca-1", original, List.of(ana, ben)),
                flagged("ca-1", null, VIOLATION),
                recorded("ca-2", details(ICE, "CA", LAW, JUNE_15, 5, NAME), List.of(ben)));
        summaries.handle(corrected("ca-1", "correction-1", original, correction(JULY_2, OIG, null, null, null)));

        assertThat(summaries.cellsOf(ICE)).containsExactly(cell("CA", LAW, NAME, "2025-06", 1, 1, 5, 0, 0));
        assertThat(summaries.cellsOf(OIG)).containsExactly(cell("CA", LAW, NAME, "2025-07", 1, 2, 3, 0, 0));

        summaries.handle(flagged("ca-1", "correction-1", CONCERN));

        assertThat(summaries.cellsOf(ICE)).containsExactly(cell("CA", LAW, NAME, "2025-06", 1, 1, 5, 0, 0));
        assertThat(summaries.cellsOf(OIG))
                .containsExactly(flaggedCell("CA", LAW, NAME, "2025-07", 1, 2, 3, 1, CONCERN));
        assertThat(summaries.queries.agencies())
                .extracting(AgencyTotals::agency, AgencyTotals::flaggedDisclosures, AgencyTotals::mostSevereFinding)
                .containsExactly(tuple(new AgencyId(ICE), 0L, null), tuple(new AgencyId(OIG), 1L, CONCERN));
    }

    @Test
    void givenFlaggedBulkDisclosure_whenChunksArriveTwice_thenItsAgencyCountsEachSubjectAsFlaggedOnce() {
        List<PersonRef> first = people("bulk-a", 5);
        List<PersonRef> second = new ArrayList<>(people("bulk-b", 5));
        second.add(first.get(0));
        DisclosureDetails bulk = details(ICE, "CA", LAW, JUNE_15, 11, NAME);
        summaries.handle(recorded("ca-1", details(ICE, "CA", LAW, JUNE_15, 1, NAME), List.of(first.get(1), ana)));

        summaries.handleTwice(
                opened("ca-bulk", bulk),
                flagged("ca-bulk", null, CONCERN),
                attached("ca-bulk", 1, 0, first),
                attached("ca-bulk", 2, 5, second),
                sealed("ca-bulk", 11, 2));

        assertThat(summaries.cellsOf(ICE))
                .containsExactly(flaggedCell("CA", LAW, NAME, "2025-06", 2, 11, 12, 1, CONCERN));
        assertThat(summaries.queries.agencies())
                .extracting(AgencyTotals::subjects, AgencyTotals::flaggedSubjects)
                .containsExactly(tuple(11L, 10L));
    }
}
