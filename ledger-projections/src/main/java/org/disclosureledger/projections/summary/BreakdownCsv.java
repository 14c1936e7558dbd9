package org.disclosureledger.projections.summary;

import java.util.List;

/**
 * An agency's breakdown as CSV (RFC 4180): a header line, then one line per cell, every line ending in CRLF. A field
 * holding a comma, a double quote, a CR or an LF is put in double quotes, with its double quotes doubled. A cell with
 * no flagged disclosure has an empty {@code most_severe_finding}.
 */
public final class BreakdownCsv {

    /** The header line's field names, in column order. */
    public static final List<String> HEADER = List.of(
            "recipient_agency_id",
            "recipient_name",
            "custodian_state",
            "purpose_code",
            "data_category",
            "month",
            "disclosures",
            "distinct_subjects",
            "records",
            "open_destruction_requests",
            "certified_destructions",
            "flagged_disclosures",
            "most_severe_finding");

    private static final String LINE_END = "\r\n";

    private BreakdownCsv() {}

    /** The breakdown as CSV text. */
    public static String render(AgencyBreakdown breakdown) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (SummaryCell cell : breakdown.cells()) {
            line(
                    csv,
                    List.of(
                            breakdown.agency().value(),
                            breakdown.recipientName(),
                            cell.state().code(),
                            cell.purpose().name(),
                            cell.category().name(),
                            cell.month().toString(),
                            Long.toString(cell.disclosures()),
                            Long.toString(cell.subjects()),
                            Long.toString(cell.records()),
                            Long.toString(cell.openDestructionRequests()),
                            Long.toString(cell.certifiedDestructions()),
                            Long.toString(cell.flaggedDisclosures()),
                            cell.mostSevereFinding() == null
                                    ? ""
                                    : cell.mostSevereFinding().name()));
        }
        return csv.toString();
    }

    /** One field, quoted if RFC 4180 requires it. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(LINE_END);
    }
}
