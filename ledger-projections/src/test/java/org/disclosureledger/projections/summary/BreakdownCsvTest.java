package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.DataCategory.SSN;
import static org.disclosureledger.core.disclosure.PurposeOfUse.LAW;
import static org.disclosureledger.core.rulebook.Severity.VIOLATION;
import static org.disclosureledger.projections.summary.AgencySummaryProjectionTest.cell;
import static org.disclosureledger.projections.summary.AgencySummaryProjectionTest.flaggedCell;

import java.util.List;
import org.disclosureledger.core.agency.AgencyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The breakdown's CSV follows RFC 4180. */
class BreakdownCsvTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            plain text stays bare            | Agency of Health                 | Agency of Health
            a comma is quoted                | Health, Human Services           | "Health, Human Services"
            a quote is doubled and quoted    | The "Agency"                     | "The ""Agency""\"
            an empty field stays empty       | ''                               | ''
            """)
    void givenField_whenWritten_thenQuotedOnlyWhenNeeded(String rule, String value, String written) {
        assertThat(BreakdownCsv.field(value)).isEqualTo(written);
    }

    @Test
    void givenLineBreaksInField_whenWritten_thenQuoted() {
        assertThat(BreakdownCsv.field("line one\r\nline two")).isEqualTo("\"line one\r\nline two\"");
        assertThat(BreakdownCsv.field("line one\nline two")).isEqualTo("\"line one\nline two\"");
    }

    @Test
    void givenBreakdown_whenRendered_thenHeaderThenOneCrlfLinePerCell() {
        AgencyBreakdown breakdown = new AgencyBreakdown(
                new AgencyId("us-dhs-ice"),
                "U.S. Immigration and Customs Enforcement, \"ERO\"",
                List.of(
                        cell("CA", LAW, NAME, "2025-06", 2, 3, 8, 1, 0),
                        flaggedCell("CA", LAW, SSN, "2025-07", 1, 1, 5, 1, VIOLATION)));

        assertThat(BreakdownCsv.render(breakdown))
                .isEqualTo("recipient_agency_id,recipient_name,custodian_state,purpose_code,data_category,month,"
                        + "disclosures,distinct_subjects,records,open_destruction_requests,certified_destructions,"
                        + "flagged_disclosures,most_severe_finding\r\n"
                        + "us-dhs-ice,\"U.S. Immigration and Customs Enforcement, \"\"ERO\"\"\",CA,LAW,NAME,2025-06,"
                        + "2,3,8,1,0,0,\r\n"
                        + "us-dhs-ice,\"U.S. Immigration and Customs Enforcement, \"\"ERO\"\"\",CA,LAW,SSN,2025-07,"
                        + "1,1,5,0,0,1,VIOLATION\r\n");
    }
}
