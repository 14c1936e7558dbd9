package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.core.disclosure.DataCategory.ADDRESS;
import static org.disclosureledger.core.disclosure.DataCategory.IMMIGRATION_STATUS;
import static org.disclosureledger.core.disclosure.DataCategory.MEDICAID_ID;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.PurposeOfUse.LAW;
import static org.disclosureledger.core.rulebook.Severity.CONCERN;
import static org.disclosureledger.projections.summary.SummaryExamples.ICE;
import static org.disclosureledger.projections.summary.SummaryExamples.attached;
import static org.disclosureledger.projections.summary.SummaryExamples.corrected;
import static org.disclosureledger.projections.summary.SummaryExamples.correction;
import static org.disclosureledger.projections.summary.SummaryExamples.details;
import static org.disclosureledger.projections.summary.SummaryExamples.flagged;
import static org.disclosureledger.projections.summary.SummaryExamples.opened;
import static org.disclosureledger.projections.summary.SummaryExamples.people;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distinct subjects stay exact at a realistic size: 100,000 people in two bulk disclosures of 60,000 that share
 * 20,000, four data categories each. The times it logs are the figures quoted in the package documentation (single
 * runs on a shared machine: orders of magnitude, not assertions).
 */
class AgencySummaryVolumeTest {

    private static final Logger log = LoggerFactory.getLogger(AgencySummaryVolumeTest.class);
    private static final int CHUNK = 10_000;

    static SummaryFixture summaries;

    @BeforeAll
    static void database() {
        summaries = SummaryFixture.onFreshDatabase();
    }

    @AfterAll
    static void closeDatabase() {
        summaries.close();
    }

    /**
     * Run unflagged, and flagged as the sample rulebook flags a bulk disclosure for law enforcement to ICE: right
     * after it opens, and again after its correction.
     */
    @ParameterizedTest(name = "flagged: {0}")
    @ValueSource(booleans = {false, true})
    void givenHundredThousandPeopleInOverlappingBulkDisclosures_whenSummarised_thenEachCountedOnce(boolean flagged) {
        summaries.reset();
        List<PersonRef> everyone = people("volume", 100_000);
        DisclosureDetails first = details(
                ICE,
                "CA",
                LAW,
                Instant.parse("2025-06-02T08:00:00Z"),
                60_000,
                NAME,
                ADDRESS,
                MEDICAID_ID,
                IMMIGRATION_STATUS);
        DisclosureDetails second = details(
                ICE,
                "CA",
                LAW,
                Instant.parse("2025-06-20T08:00:00Z"),
                60_000,
                NAME,
                ADDRESS,
                MEDICAID_ID,
                IMMIGRATION_STATUS);

        long written = timed(flagged, "attach 120,000 subjects in 12 chunks (4 categories)", () -> {
            bulk("volume-1", first, everyone.subList(0, 60_000), flagged);
            bulk("volume-2", second, everyone.subList(40_000, 100_000), flagged);
            return 120_000L;
        });
        List<SummaryCell> cells = timed(flagged, "read the breakdown", () -> summaries.cellsOf(ICE));
        List<AgencyTotals> agencies = timed(
                flagged, "list the agencies (distinct counted at query time)", () -> summaries.queries.agencies());
        Long queryTimeDistinct = timed(
                flagged,
                "count one cell's distinct subjects at query time instead",
                () -> summaries.jdbc.queryForObject(
                        "SELECT count(DISTINCT s.person_ref) FROM summary_disclosure d JOIN summary_subject s"
                                + " ON s.disclosure_id = d.disclosure_id WHERE d.recipient_agency_id = ?"
                                + " AND 'NAME' = ANY (d.data_categories) AND d.month = DATE '2025-06-01'",
                        Long.class,
                        ICE));
        log.info(
                "Agency summaries (flagged: {}) at {} subject rows: summary_subject {}, summary_group_subject {} ({} rows)",
                flagged,
                written,
                size("summary_subject"),
                size("summary_group_subject"),
                summaries.jdbc.queryForObject("SELECT count(*) FROM summary_group_subject", Long.class));

        assertThat(cells).hasSize(4).allSatisfy(cell -> {
            assertThat(cell.disclosures()).isEqualTo(2);
            assertThat(cell.subjects()).isEqualTo(100_000);
            assertThat(cell.records()).isEqualTo(120_000);
            assertThat(cell.flaggedDisclosures()).isEqualTo(flagged ? 2 : 0);
        });
        assertThat(agencies).singleElement().extracting(AgencyTotals::subjects).isEqualTo(100_000L);
        assertThat(agencies)
                .singleElement()
                .extracting(AgencyTotals::flaggedSubjects)
                .isEqualTo(flagged ? 100_000L : 0L);
        assertThat(queryTimeDistinct).isEqualTo(100_000L);

        timed(flagged, "correct the month of one disclosure (moves 240,000 memberships out, 240,000 in)", () -> {
            summaries.handle(corrected(
                    "volume-2",
                    "correction-1",
                    second,
                    correction(Instant.parse("2025-07-01T08:00:00Z"), null, null, null, null)));
            if (flagged) {
                summaries.handle(flagged("volume-2", "correction-1", CONCERN));
            }
            return null;
        });
        timed(flagged, "correct the records of one disclosure (cells unchanged)", () -> {
            summaries.handle(corrected(
                    "volume-2",
                    "correction-2",
                    correction(Instant.parse("2025-07-01T08:00:00Z"), null, null, null, null)
                            .applyTo(second),
                    correction(null, null, null, null, 59_999L)));
            if (flagged) {
                summaries.handle(flagged("volume-2", "correction-2", CONCERN));
            }
            return null;
        });
        assertThat(summaries.cellsOf(ICE))
                .extracting(SummaryCell::subjects)
                .containsExactly(60_000L, 60_000L, 60_000L, 60_000L, 60_000L, 60_000L, 60_000L, 60_000L);
        assertThat(summaries.cellsOf(ICE))
                .extracting(SummaryCell::flaggedDisclosures)
                .containsOnly(flagged ? 1L : 0L);
        assertThat(summaries.queries.breakdown(BreakdownRequest.all(new AgencyId(ICE))))
                .get()
                .extracting(breakdown -> breakdown.cells().size())
                .isEqualTo(8);
    }

    private static void bulk(String id, DisclosureDetails details, List<PersonRef> subjects, boolean flagged) {
        summaries.handle(opened(id, details));
        if (flagged) {
            summaries.handle(flagged(id, null, CONCERN));
        }
        for (int chunk = 0; chunk * CHUNK < subjects.size(); chunk++) {
            summaries.handle(attached(
                    id, chunk + 1, (long) chunk * CHUNK, subjects.subList(chunk * CHUNK, (chunk + 1) * CHUNK)));
        }
    }

    private static String size(String table) {
        return summaries.jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size(?))", String.class, table);
    }

    private static <T> T timed(boolean flagged, String what, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        log.info(
                "Agency summaries (flagged: {}): {} took {} ms",
                flagged,
                what,
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }
}
