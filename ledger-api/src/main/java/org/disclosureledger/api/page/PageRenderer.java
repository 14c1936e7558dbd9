package org.disclosureledger.api.page;

import java.util.Map;
import org.disclosureledger.api.documents.EnrolleeHistory;
import org.disclosureledger.api.documents.Labels;
import org.disclosureledger.api.documents.LaterEvents;
import org.disclosureledger.api.documents.Xhtml;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.RecordingStatus;
import org.disclosureledger.projections.history.VisibleEntry;
import org.disclosureledger.projections.history.WithheldEntry;

/**
 * Writes the enrollee's page as HTML: the look-up form (with errors next to their fields) and, once the enrollee has
 * looked themselves up, their disclosures in plain words and the download buttons. Every value goes through
 * {@link Xhtml}, which escapes it.
 */
final class PageRenderer {

    static final String PDF_ACTION = "/my-disclosures/accounting.pdf";
    static final String FHIR_ACTION = "/my-disclosures/fhir.json";

    private static final String STYLE = "body { font-family: system-ui, Helvetica, Arial, sans-serif;"
            + " line-height: 1.5; margin: 0 auto; max-width: 52rem; padding: 1rem 1.5rem; color: #1b1b1b; }"
            + " h1 { font-size: 1.8rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #1b1b1b; }"
            + " label, legend { display: block; font-weight: bold; margin-top: 1rem; }"
            + " .hint { color: #4a4a4a; margin: 0.2rem 0; }"
            + " .error { color: #b50909; font-weight: bold; margin: 0.2rem 0; }"
            + " [aria-invalid=true] { border: 3px solid #b50909; }"
            + " select, input[type=text] { font-size: 1rem; padding: 0.4rem; min-width: 16rem; }"
            + " .check { margin-top: 1rem; } .check label { display: inline; font-weight: normal; }"
            + " button { font-size: 1rem; padding: 0.5rem 1rem; margin-top: 1rem; background: #005ea2;"
            + " color: #fff; border: 0; border-radius: 4px; cursor: pointer; }"
            + " a:focus, select:focus, input:focus, button:focus { outline: 3px solid #ffbf47;"
            + " outline-offset: 2px; }"
            + " .summary { border: 3px solid #b50909; padding: 0.5rem 1rem; }"
            + " .downloads form { display: inline-block; margin-right: 1rem; }"
            + " ol.entries { padding-left: 0; list-style: none; }"
            + " ol.entries > li { border: 1px solid #8d8d8d; border-radius: 4px; padding: 0.5rem 1rem;"
            + " margin-bottom: 1rem; }"
            + " ol.entries > li.withheld { background: #f1f1f1; font-style: italic; }"
            + " h3 { margin: 0.3rem 0; font-size: 1.15rem; } dt { font-weight: bold; }"
            + " dd { margin: 0 0 0.4rem 1rem; } .later { background: #f6f6f6; padding: 0.3rem 0.8rem; }"
            + " h4 { margin: 0.3rem 0; } .visually-hidden { position: absolute; width: 1px; height: 1px;"
            + " overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }";

    private PageRenderer() {}

    /** What the enrollee entered, as far as the page may show it again: never the Medicaid id after an error. */
    record Form(String state, boolean wholeHistory, Map<String, String> errors) {}

    /** The form alone, with any errors next to their fields. */
    static String form(Form form) {
        Xhtml page = start(form.errors().isEmpty() ? "Who received my Medicaid data?" : "Error: check your details");
        lookupForm(page, form, "");
        return end(page);
    }

    /** The form filled in, then the enrollee's disclosures and the download buttons. */
    static String history(Form form, String medicaidId, EnrolleeHistory history, Map<String, Long> ledgerIndexes) {
        Xhtml page = start("Your disclosures: who received your Medicaid data");
        lookupForm(page, form, medicaidId);
        page.open("section", "aria-labelledby", "results")
                .element("h2", "Disclosures of your data (" + history.entries().size() + ")", "id", "results")
                .element("p", period(history));
        downloads(page, form, medicaidId);
        if (history.entries().isEmpty()) {
            page.element("p", "The ledger holds no disclosure of your data for this period.");
        } else {
            page.open("ol", "class", "entries");
            for (HistoryEntry entry : history.entries()) {
                if (entry instanceof WithheldEntry withheld) {
                    page.element(
                            "li",
                            "One disclosure of your data is withheld until " + Labels.day(withheld.until()) + " under "
                                    + withheld.authority() + ". It will be shown in full after that date.",
                            "class",
                            "withheld");
                } else if (entry instanceof VisibleEntry visible) {
                    visible(
                            page,
                            visible,
                            ledgerIndexes.get(visible.disclosureId().value()));
                }
            }
            page.close("ol");
        }
        page.close("section");
        return end(page);
    }

    private static Xhtml start(String title) {
        Xhtml page = new Xhtml();
        return page.markup("<!DOCTYPE html>\n")
                .open("html", "lang", "en")
                .open("head")
                .markup("<meta charset=\"UTF-8\"/>")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .element("title", title + " - Disclosure Ledger")
                .open("style")
                .markup(STYLE)
                .close("style")
                .close("head")
                .open("body")
                .open("header")
                .element("p", "Disclosure Ledger")
                .close("header")
                .open("main")
                .element("h1", "Who received my Medicaid data?")
                .element(
                        "p",
                        "Enter your state and your Medicaid ID to see every time your state's Medicaid agency"
                                + " released your data to someone else: when, to whom, what data, why and under"
                                + " which law.");
    }

    private static String end(Xhtml page) {
        return page.close("main")
                .open("footer")
                .element(
                        "p",
                        "Your Medicaid ID is used only to find your records; it is not stored or written to logs."
                                + " Dates are in UTC.")
                .close("footer")
                .close("body")
                .close("html")
                .toString();
    }

    private static void lookupForm(Xhtml page, Form form, String medicaidId) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            page.open("div", "class", "summary", "role", "alert", "aria-labelledby", "problem")
                    .element("h2", "There is a problem", "id", "problem")
                    .open("ul");
            for (Map.Entry<String, String> error : errors.entrySet()) {
                page.open("li")
                        .element("a", error.getValue(), "href", "#" + error.getKey())
                        .close("li");
            }
            page.close("ul").close("div");
        }
        page.open("form", "method", "post", "action", "/", "aria-labelledby", "lookup")
                .element("h2", "Look up your disclosures", "id", "lookup");

        page.element("label", "State or territory", "for", "state");
        fieldError(page, errors, "state");
        if (errors.containsKey("state")) {
            page.open(
                    "select",
                    "id",
                    "state",
                    "name",
                    "state",
                    "required",
                    "required",
                    "aria-describedby",
                    "state-error",
                    "aria-invalid",
                    "true");
        } else {
            page.open("select", "id", "state", "name", "state", "required", "required");
        }
        page.element("option", "Choose your state", "value", "");
        for (Map.Entry<String, String> state : StateNames.BY_CODE.entrySet()) {
            if (state.getKey().equals(form.state())) {
                page.element("option", state.getValue(), "value", state.getKey(), "selected", "selected");
            } else {
                page.element("option", state.getValue(), "value", state.getKey());
            }
        }
        page.close("select");

        page.element("label", "Medicaid ID", "for", "medicaidId")
                .element(
                        "p",
                        "As printed on your Medicaid card: letters and digits.",
                        "id",
                        "medicaidId-hint",
                        "class",
                        "hint");
        fieldError(page, errors, "medicaidId");
        empty(
                page,
                "input",
                "type",
                "text",
                "id",
                "medicaidId",
                "name",
                "medicaidId",
                "value",
                medicaidId,
                "autocomplete",
                "off",
                "spellcheck",
                "false",
                "required",
                "required",
                "aria-describedby",
                errors.containsKey("medicaidId") ? "medicaidId-error medicaidId-hint" : "medicaidId-hint",
                "aria-invalid",
                Boolean.toString(errors.containsKey("medicaidId")));

        page.open("div", "class", "check");
        if (form.wholeHistory()) {
            empty(
                    page,
                    "input",
                    "type",
                    "checkbox",
                    "id",
                    "wholeHistory",
                    "name",
                    "wholeHistory",
                    "value",
                    "true",
                    "checked",
                    "checked");
        } else {
            empty(page, "input", "type", "checkbox", "id", "wholeHistory", "name", "wholeHistory", "value", "true");
        }
        page.markup(" ")
                .element("label", "Show the whole history, not only the last six years", "for", "wholeHistory")
                .close("div")
                .element("button", "Show my disclosures", "type", "submit")
                .close("form");
    }

    /** A void element such as {@code input}, its attribute values escaped like every other value. */
    private static void empty(Xhtml page, String tag, String... attributes) {
        page.markup("<" + tag);
        for (int i = 0; i < attributes.length; i += 2) {
            page.markup(" " + attributes[i] + "=\"" + Xhtml.escape(attributes[i + 1]) + "\"");
        }
        page.markup("/>");
    }

    private static void fieldError(Xhtml page, Map<String, String> errors, String field) {
        if (errors.containsKey(field)) {
            page.open("p", "id", field + "-error", "class", "error")
                    .element("span", "Error: ", "class", "visually-hidden")
                    .text(errors.get(field))
                    .close("p");
        }
    }

    private static void downloads(Xhtml page, Form form, String medicaidId) {
        page.open("div", "class", "downloads");
        download(page, PDF_ACTION, "Download the Accounting of Disclosures (PDF)", form, medicaidId);
        download(page, FHIR_ACTION, "Download the FHIR export (JSON)", form, medicaidId);
        page.close("div");
    }

    /** A small form that POSTs the same identifier again as hidden fields, so it never lands in a URL. */
    private static void download(Xhtml page, String action, String label, Form form, String medicaidId) {
        page.open("form", "method", "post", "action", action);
        empty(page, "input", "type", "hidden", "name", "state", "value", form.state());
        empty(page, "input", "type", "hidden", "name", "medicaidId", "value", medicaidId);
        empty(page, "input", "type", "hidden", "name", "wholeHistory", "value", Boolean.toString(form.wholeHistory()));
        page.element("button", label, "type", "submit").close("form");
    }

    private static String period(EnrolleeHistory history) {
        return history.since() == null
                ? "Your whole history, newest first."
                : "Since " + Labels.day(history.since()) + " (the last six years), newest first. Tick \"Show the"
                        + " whole history\" above to see older disclosures.";
    }

    private static void visible(Xhtml page, VisibleEntry entry, Long ledgerIndex) {
        DisclosureDetails details = entry.details();
        page.open("li")
                .element(
                        "h3",
                        Labels.day(details.occurredAt()) + ": "
                                + details.recipient().name())
                .element("p", sentence(details))
                .open("dl")
                .element("dt", "Recipient's address")
                .element("dd", details.recipient().address())
                .element("dt", "How")
                .element(
                        "dd",
                        Labels.capitalise(Labels.mode(details.mode())) + "; " + details.recordCount()
                                + " records in total"
                                + (entry.subjectCount() > 1 ? ", about " + entry.subjectCount() + " people" : "")
                                + (entry.status() == RecordingStatus.OPEN ? " so far (still being recorded)" : "")
                                + ".");
        if (details.requester() != null) {
            page.element("dt", "Requested by").element("dd", details.requester());
        }
        page.element("dt", "Reference").element("dd", entry.disclosureId().value());
        page.element("dt", "Ledger index")
                .element(
                        "dd",
                        ledgerIndex == null
                                ? "Not sealed into the ledger yet; look again in a few minutes."
                                : ledgerIndex + " (the public ledger entry that proves this disclosure was recorded)")
                .close("dl");
        laterEvents(page, entry);
        page.close("li");
    }

    /** The entry in one plain sentence: who gave whom what, why, and under which law. */
    private static String sentence(DisclosureDetails details) {
        return "On " + Labels.day(details.occurredAt()) + ", "
                + details.custodian().agencyName() + " gave "
                + Labels.recipient(details.recipient()) + " your "
                + Labels.categories(details.dataCategories())
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace("social security", "Social Security")
                        .replace("medicaid", "Medicaid")
                + " for: " + Labels.purpose(details.purpose().code()) + ": "
                + details.purpose().text()
                + ". Legal basis: " + Labels.authority(details.legalAuthority()) + ".";
    }

    private static void laterEvents(Xhtml page, VisibleEntry entry) {
        if (!LaterEvents.any(entry)) {
            return;
        }
        page.open("div", "class", "later").element("h4", "What happened since").open("ul");
        LaterEvents.items(page, entry);
        page.close("ul").close("div");
    }
}
