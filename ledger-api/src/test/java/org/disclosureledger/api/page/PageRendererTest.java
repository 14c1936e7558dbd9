package org.disclosureledger.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.disclosureledger.api.documents.EnrolleeHistory;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.access.HistoryAccessView;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** The signed-in page as a plain string: the "who looked at your history" section and the forms' CSRF fields. */
class PageRendererTest {

    private static final DefaultCsrfToken CSRF = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "csrf-value");
    private static final EnrolleeHistory EMPTY = new EnrolleeHistory(
            new StateCode("CA"),
            new PersonRef("0".repeat(64)),
            List.of(),
            LocalDate.parse("2026-03-01"),
            LocalDate.parse("2020-03-01"),
            Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void givenNobodyReadTheHistory_whenThePageIsRendered_thenItSaysSoInItsOwnSection() {
        String page = PageRenderer.history(new PageRenderer.History(EMPTY, Map.of(), List.of(), false, CSRF));

        assertThat(page)
                .contains("<section aria-labelledby=\"readers\"><h2 id=\"readers\">Who looked at your history</h2>")
                .contains("<p id=\"no-readers\">Nobody has looked at your history yet.</p>")
                .doesNotContain("<table>");
    }

    @Test
    void givenOfficialsReadTheHistory_whenThePageIsRendered_thenEachReadShowsRoleReaderTimeWhatAndPurposeEscaped() {
        List<HistoryAccessView> readers = List.of(
                new HistoryAccessView(
                        Instant.parse("2026-02-14T09:30:00Z"),
                        "auditor-ca@example.gov",
                        ReaderRole.AUDITOR,
                        AccessedRecord.HISTORY,
                        "Complaint <2025-118> from the enrollee"),
                new HistoryAccessView(
                        Instant.parse("2026-02-01T16:05:00Z"),
                        "admin@example.gov",
                        ReaderRole.ADMIN,
                        AccessedRecord.FHIR_EXPORT,
                        "Court order 26-3"));

        String page = PageRenderer.history(new PageRenderer.History(EMPTY, Map.of(), readers, false, CSRF));

        assertThat(page)
                .contains("<th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">As</th>"
                        + "<th scope=\"col\">What they read</th><th scope=\"col\">The purpose they stated</th>")
                .contains("<tr><td>February 14, 2026 at 09:30 UTC</td><td>auditor-ca@example.gov</td>"
                        + "<td>State auditor</td><td>Your disclosure history</td>"
                        + "<td>Complaint &lt;2025-118&gt; from the enrollee</td></tr>")
                .contains("<tr><td>February 1, 2026 at 16:05 UTC</td><td>admin@example.gov</td>"
                        + "<td>Ledger administrator</td><td>Your FHIR export</td><td>Court order 26-3</td></tr>")
                .doesNotContain("Nobody has looked")
                .doesNotContain("<2025-118>");
    }

    @Test
    void givenTheSignedInPage_whenRendered_thenEveryFormThatPostsCarriesTheCsrfTokenAndNoScriptOrInlineStyle() {
        String page = PageRenderer.history(new PageRenderer.History(EMPTY, Map.of(), List.of(), true, CSRF));

        int posting = page.split("<form method=\"post\"", -1).length - 1;
        int csrfFields = page.split("<input type=\"hidden\" name=\"_csrf\" value=\"csrf-value\"/>", -1).length - 1;
        assertThat(posting).as("sign-out and the two downloads").isEqualTo(3);
        assertThat(csrfFields).isEqualTo(posting);
        assertThat(page)
                .contains("<input type=\"hidden\" name=\"wholeHistory\" value=\"true\"/>")
                .doesNotContain("<script")
                .doesNotContain("<style")
                .doesNotContain(" style=");
    }
}
