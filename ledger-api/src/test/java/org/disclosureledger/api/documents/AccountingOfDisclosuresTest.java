package org.disclosureledger.api.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The Accounting of Disclosures as plain objects: its HTML and the PDF rendered from it. */
class AccountingOfDisclosuresTest {

    private final AccountingOfDisclosures accounting = new AccountingOfDisclosures();

    @Test
    void givenEntriesOfEveryKind_whenRenderedAsHtml_thenEachColumnAndEachLaterEventIsShown() {
        String html = accounting.html(Histories.of(Histories.withheld(), Histories.eventful("ca-2025-0001")));

        assertThat(html)
                .contains("Accounting of Disclosures")
                .contains("Prepared on March 2, 2026 for an enrollee of the CA Medicaid program.")
                .contains("The enrollee&#39;s Medicaid ID was used to look up these records. It is not printed")
                .contains("since March 2, 2020")
                .contains("What each column means", "Recipient and address", "Purpose and legal authority")
                .contains("June 10, 2025")
                .contains("U.S. Immigration and Customs Enforcement, Enforcement and Removal Operations")
                .contains("500 12th St SW, Washington, DC 20536")
                .contains("Name, Address, Immigration status")
                .contains("Health oversight: Program integrity review")
                .contains("Legal authority: 5 U.S.C. 552a(b)(7); CMS-ICE information sharing agreement")
                .contains("Requested by: Office of the Director, ICE")
                .contains("Corrected on July 1, 2025: The purpose was misstated.")
                .contains("Purpose: originally &quot;Law enforcement: Locating individuals for immigration"
                        + " enforcement&quot;, corrected to &quot;Health oversight: Program integrity review&quot;.")
                .contains("You disputed this entry on July 2, 2025: I never consented to this")
                .contains("Destruction of the data was requested on August 2, 2025 by California Attorney General"
                        + " under Order of the court of 2025-08-01, due by October 1, 2025.")
                .contains("Destruction was certified on September 16, 2025 by ICE Privacy Office: destroyed on"
                        + " September 15, 2025 by Cryptographic erasure.")
                .contains("This entry was withheld until December 31, 2025 under Law enforcement request of"
                        + " 2025-06-01; the hold was lifted on September 1, 2025")
                .contains("Withheld until January 1, 2099 under Order of the court in case 25-cv-1234.")
                // The date is the first day the entry is shown in full, not the last one it is withheld.
                .contains("it will be shown in full from that date on.");
    }

    @Test
    void givenAFlaggedEntry_whenRenderedAsHtml_thenItsFindingsAreSaidInPlainWords() {
        String html = accounting.html(Histories.of(Histories.flagged("ca-2025-0003")));

        assertThat(html)
                .contains("The ledger checked this disclosure against the rules in force on June 10, 2025"
                        + " (us-medicaid-disclosures-sample, version 2025.1) and found:")
                .contains("A concern: The stated purpose LAW is not among the purposes 42 CFR 431.302 permits.")
                .contains("Not allowed by the rules in force: The order barred this data going to us-dhs-ice.");
    }

    @Test
    void givenAnUnflaggedEntry_whenRenderedAsHtml_thenNoFindingsAreMentioned() {
        String html = accounting.html(
                Histories.of(Histories.plain("ca-2025-0004", Histories.details("ICE", PurposeOfUse.LAW))));

        assertThat(html).doesNotContain("The ledger checked this disclosure");
    }

    @Test
    void givenAWithheldEntry_whenRendered_thenItsRowSaysOnlyUntilWhenAndUnderWhichAuthority() {
        String html = accounting.html(Histories.of(Histories.withheld()));

        assertThat(html)
                .contains("<td colspan=\"4\" class=\"withheld\">Withheld until January 1, 2099 under Order of the"
                        + " court in case 25-cv-1234.</td>")
                .doesNotContain("Immigration", "Legal authority:", "Requested by:");
    }

    @Test
    void givenARecipientNameWithMarkup_whenRenderedAsHtml_thenItIsEscapedAndTheDocumentStaysWellFormed()
            throws Exception {
        String html = accounting.html(
                Histories.of(Histories.plain("ca-2025-0002", Histories.details(Histories.HOSTILE, PurposeOfUse.LAW))));

        assertThat(html)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
        Document parsed = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getElementsByTagName("script").getLength()).isZero();
        assertThat(parsed.getDocumentElement().getTextContent()).contains(Histories.HOSTILE);
    }

    @Test
    void givenEntries_whenRenderedAsPdf_thenPdfBoxReadsBackTheEntriesAndTheWithheldLine() throws IOException {
        byte[] pdf = accounting.pdf(Histories.of(
                Histories.withheld(),
                Histories.eventful("ca-2025-0001"),
                Histories.plain("ca-2025-0002", Histories.details(Histories.HOSTILE, PurposeOfUse.LAW))));

        String text = text(pdf);

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(squeezed(text))
                .contains("Accounting of Disclosures")
                .contains("for an enrollee of the CA Medicaid program")
                .contains("Withheld until January 1, 2099 under Order of the court in case 25-cv-1234.")
                .contains("U.S. Immigration and Customs Enforcement")
                .contains("Health oversight: Program integrity review")
                .contains("You disputed this entry on July 2, 2025: I never consented to this")
                .contains("Cryptographic erasure")
                .contains(Histories.HOSTILE)
                .doesNotContain(Histories.PERSON.value());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The text with line breaks and runs of spaces made single spaces, as table cells wrap lines anywhere. */
    static String squeezed(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
