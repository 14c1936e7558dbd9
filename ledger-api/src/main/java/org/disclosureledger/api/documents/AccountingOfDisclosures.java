package org.disclosureledger.api.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.RecordingStatus;
import org.disclosureledger.projections.history.VisibleEntry;
import org.disclosureledger.projections.history.WithheldEntry;
import org.springframework.stereotype.Component;

/**
 * The printable Accounting of Disclosures an enrollee receives (45 CFR 164.528(b); 5 U.S.C. 552a(c)): for each
 * disclosure of their data, the date, the recipient and its address, what data, the purpose and legal authority or
 * the request, and what happened since (corrections with the original values, the enrollee's disputes, destruction
 * requests and certifications). Withheld entries say only until when and under which authority. The same document
 * is given as XHTML and as PDF.
 */
@Component
public class AccountingOfDisclosures {

    private static final String STYLE = "@page { size: letter; margin: 18mm 15mm; }"
            + " body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; line-height: 1.35; }"
            + " h1 { font-size: 18pt; margin-bottom: 4pt; } h2 { font-size: 13pt; margin-top: 14pt; }"
            + " table { width: 100%; border-collapse: collapse; }"
            + " th, td { border: 1px solid #777; padding: 4pt; text-align: left; vertical-align: top; }"
            + " thead { display: table-header-group; } tr { page-break-inside: avoid; }"
            + " th:first-child { width: 16%; } th { background: #e8e8e8; } td.history { background: #f6f6f6; }"
            + " td.withheld { font-style: italic; } ul { margin: 2pt 0; padding-left: 14pt; }"
            + " dt { font-weight: bold; margin-top: 4pt; } dd { margin-left: 12pt; }";

    /** The document as XHTML, which browsers show and the PDF is rendered from. */
    public String html(EnrolleeHistory history) {
        Xhtml page = new Xhtml();
        page.markup("<!DOCTYPE html>\n")
                .open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en")
                .open("head")
                .markup("<meta charset=\"UTF-8\"/>")
                .element("title", "Accounting of Disclosures")
                .open("style")
                .markup(STYLE)
                .close("style")
                .close("head")
                .open("body")
                .open("header")
                .element("h1", "Accounting of Disclosures")
                .element(
                        "p",
                        "Prepared on " + Labels.day(history.asOf()) + " for an enrollee of the "
                                + history.state().code() + " Medicaid program.")
                .element(
                        "p",
                        "The enrollee's Medicaid ID was used to look up these records. It is not printed in"
                                + " this document.")
                .element("p", period(history))
                .close("header");
        explainColumns(page);
        entries(page, history);
        page.open("footer")
                .element(
                        "p",
                        "This accounting comes from the Disclosure Ledger, which records each release of Medicaid"
                                + " data by the agency that released it. Dates and times are in UTC. Generated "
                                + Labels.moment(history.generatedAt()) + ".")
                .close("footer")
                .close("body")
                .close("html");
        return page.toString();
    }

    /** The document rendered to PDF from its XHTML. */
    public byte[] pdf(EnrolleeHistory history) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html(history), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the accounting of disclosures could not be rendered to PDF", e);
        }
        return out.toByteArray();
    }

    private static String period(EnrolleeHistory history) {
        return history.since() == null
                ? "It lists every disclosure of your data the ledger holds."
                : "It lists the disclosures of your data since " + Labels.day(history.since())
                        + " (the last six years). You can ask for your whole history.";
    }

    private static void explainColumns(Xhtml page) {
        page.element("h2", "What each column means")
                .open("dl")
                .element("dt", "Date")
                .element("dd", "The day your data was released to the recipient.")
                .element("dt", "Recipient and address")
                .element("dd", "The agency (and the part of it) that received your data, and its address.")
                .element("dt", "What data")
                .element(
                        "dd",
                        "The kinds of information about you that were released, how they were handed over, and"
                                + " how many records the release held in total.")
                .element("dt", "Purpose and legal authority, or the request")
                .element(
                        "dd",
                        "Why the data was released, the law or agreement that allowed it, and who asked for it"
                                + " when someone did.")
                .element("dt", "Later events")
                .element(
                        "dd",
                        "Shown under an entry when it was corrected (with the original and the corrected values),"
                                + " when you disputed it, and when destruction of the data was requested or"
                                + " certified.")
                .element("dt", "Withheld")
                .element(
                        "dd",
                        "The law lets a law enforcement or oversight agency ask that a disclosure be held back"
                                + " for a time. Such an entry shows only until when it is withheld and on whose"
                                + " authority; it will be shown in full from that date on.")
                .close("dl");
    }

    private static void entries(Xhtml page, EnrolleeHistory history) {
        page.element("h2", "Disclosures (" + history.entries().size() + ")");
        if (history.entries().isEmpty()) {
            page.element("p", "The ledger holds no disclosure of your data for this period.");
            return;
        }
        page.open("table")
                .open("thead")
                .open("tr")
                .element("th", "Date", "scope", "col")
                .element("th", "Recipient and address", "scope", "col")
                .element("th", "What data", "scope", "col")
                .element("th", "Purpose and legal authority, or the request", "scope", "col")
                .close("tr")
                .close("thead")
                .open("tbody");
        for (HistoryEntry entry : history.entries()) {
            if (entry instanceof WithheldEntry withheld) {
                withheld(page, withheld);
            } else if (entry instanceof VisibleEntry visible) {
                visible(page, visible);
            }
        }
        page.close("tbody").close("table");
    }

    private static void withheld(Xhtml page, WithheldEntry entry) {
        page.open("tr")
                .element(
                        "td",
                        "Withheld until " + Labels.day(entry.until()) + " under " + entry.authority() + ".",
                        "colspan",
                        "4",
                        "class",
                        "withheld")
                .close("tr");
    }

    private static void visible(Xhtml page, VisibleEntry entry) {
        DisclosureDetails details = entry.details();
        page.open("tr");
        page.element("td", Labels.day(details.occurredAt()));
        page.open("td")
                .text(Labels.recipient(details.recipient()))
                .markup("<br/>")
                .text(details.recipient().address())
                .close("td");
        page.open("td")
                .text(Labels.categories(details.dataCategories()))
                .markup("<br/>")
                .text(Labels.capitalise(Labels.mode(details.mode())) + "; " + details.recordCount()
                        + " records in total"
                        + (entry.subjectCount() > 1 ? ", about " + entry.subjectCount() + " people" : "")
                        + (entry.status() == RecordingStatus.OPEN ? " so far (still being recorded)" : "")
                        + ".")
                .close("td");
        page.open("td")
                .text(Labels.purpose(details.purpose().code()) + ": "
                        + details.purpose().text())
                .markup("<br/>")
                .text("Legal authority: " + Labels.authority(details.legalAuthority()));
        if (details.requester() != null) {
            page.markup("<br/>").text("Requested by: " + details.requester());
        }
        page.markup("<br/>")
                .text("Released by " + details.custodian().agencyName() + "; reference "
                        + entry.disclosureId().value() + ".");
        page.close("td").close("tr");
        laterEvents(page, entry);
    }

    private static void laterEvents(Xhtml page, VisibleEntry entry) {
        if (!LaterEvents.any(entry)) {
            return;
        }
        page.open("tr").open("td", "colspan", "4", "class", "history").open("ul");
        LaterEvents.items(page, entry);
        page.close("ul").close("td").close("tr");
    }
}
