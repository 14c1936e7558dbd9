package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.disclosureledger.core.disclosure.DataCategory.ADDRESS;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.PurposeOfUse.LAW;
import static org.disclosureledger.projections.summary.SummaryExamples.ICE;
import static org.disclosureledger.projections.summary.SummaryExamples.attached;
import static org.disclosureledger.projections.summary.SummaryExamples.corrected;
import static org.disclosureledger.projections.summary.SummaryExamples.correction;
import static org.disclosureledger.projections.summary.SummaryExamples.details;
import static org.disclosureledger.projections.summary.SummaryExamples.opened;
import static org.disclosureledger.projections.summary.SummaryExamples.people;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A correction moves a bulk disclosure's people while PostgreSQL's statistics still describe the tables as they were
 * before the disclosure: right after a large upload, before autovacuum has analysed the tables again. The statistics
 * then say that the disclosure lists no one and its group has no members, and a statement that joins the two lets the
 * planner loop over the disclosure's people once per member of the group (measured: a 60,000-person correction ran
 * for minutes). The statements must look each person up by key whatever the statistics say.
 */
class AgencySummaryStatisticsTest {

    private static final int PEOPLE = 20_000;
    private static final int CHUNK = 10_000;

    /**
     * With the empty memberships dropped by key (the default at this size) and by sweeping the group (as for
     * disclosures over {@link AgencySummaryProjection#MOST_PEOPLE_DROPPED_BY_KEY} people).
     */
    @ParameterizedTest(name = "memberships dropped by key up to {0} people")
    @ValueSource(ints = {AgencySummaryProjection.MOST_PEOPLE_DROPPED_BY_KEY, 0})
    void givenStatisticsTakenBeforeABulkDisclosure_whenItsMonthIsCorrected_thenItsPeopleMoveToTheNewMonth(
            int mostPeopleDroppedByKey) {
        // Here a looping plan would run for minutes; with lookups by key the correction takes about a second.
        try (SummaryFixture summaries = SummaryFixture.onFreshDatabaseCancellingStatementsAfter(
                Duration.ofMinutes(1), mostPeopleDroppedByKey)) {
            summaries.jdbc.execute("ALTER TABLE summary_subject SET (autovacuum_enabled = false)");
            summaries.jdbc.execute("ALTER TABLE summary_group_subject SET (autovacuum_enabled = false)");
            correctAfterStaleStatistics(summaries);
        }
    }

    private static void correctAfterStaleStatistics(SummaryFixture summaries) {
        List<PersonRef> everyone = people("statistics", 2 * PEOPLE);
        DisclosureDetails july = bulkDetails(Instant.parse("2025-07-02T08:00:00Z"));
        DisclosureDetails june = bulkDetails(Instant.parse("2025-06-02T08:00:00Z"));
        bulk(summaries, "earlier", july, everyone.subList(0, PEOPLE));
        summaries.jdbc.execute("ANALYZE summary_subject, summary_group_subject");
        bulk(summaries, "just-uploaded", june, everyone.subList(PEOPLE, 2 * PEOPLE));

        summaries.handle(corrected(
                "just-uploaded",
                "correction-1",
                june,
                correction(Instant.parse("2025-08-04T08:00:00Z"), null, null, null, null)));

        assertThat(summaries.cellsOf(ICE))
                .extracting(SummaryCell::month, SummaryCell::category, SummaryCell::subjects)
                .containsExactlyInAnyOrder(
                        tuple(YearMonth.of(2025, 7), NAME, (long) PEOPLE),
                        tuple(YearMonth.of(2025, 7), ADDRESS, (long) PEOPLE),
                        tuple(YearMonth.of(2025, 8), NAME, (long) PEOPLE),
                        tuple(YearMonth.of(2025, 8), ADDRESS, (long) PEOPLE));
        assertThat(summaries.jdbc.queryForObject(
                        "SELECT count(*) FROM summary_group_subject m JOIN summary_group g USING (group_id)"
                                + " WHERE g.month = DATE '2025-06-01'",
                        Long.class))
                .as("memberships left in June")
                .isZero();
    }

    private static DisclosureDetails bulkDetails(Instant occurredAt) {
        return details(ICE, "CA", LAW, occurredAt, PEOPLE, NAME, ADDRESS);
    }

    private static void bulk(SummaryFixture summaries, String id, DisclosureDetails details, List<PersonRef> subjects) {
        summaries.handle(opened(id, details));
        for (int chunk = 0; chunk * CHUNK < subjects.size(); chunk++) {
            summaries.handle(attached(
                    id, chunk + 1, (long) chunk * CHUNK, subjects.subList(chunk * CHUNK, (chunk + 1) * CHUNK)));
        }
    }
}
