package org.disclosureledger.api.page;

import java.util.List;
import java.util.Map;
import org.disclosureledger.api.documents.EnrolleeHistory;
import org.disclosureledger.api.documents.Labels;
import org.disclosureledger.api.documents.LaterEvents;
import org.disclosureledger.api.documents.Xhtml;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.projections.access.HistoryAccessView;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.RecordingStatus;
import org.disclosureledger.projections.history.VisibleEntry;
import org.disclosureledger.projections.history.WithheldEntry;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Writes the enrollee's page as HTML: the sign-in page (with the development sign-in while the development issuer
 * runs, and errors next to their fields), the signed-in enrollee's disclosures in plain words with the download
 * buttons and who looked at their history, and the page that says a form was refused. Every value goes through
 * {@link Xhtml}, which escapes it; every form that posts carries the CSRF token in a hidden field; the style is a
 * stylesheet of its own ({@link #STYLESHEET}) and there is no script, so a strict Content-Security-Policy holds.
 */
final class PageRenderer {

    static final String SIGN_IN = "/sign-in";
    static final String DEVELOPMENT_SIGN_IN = "/sign-in/development";
    static final String SIGN_OUT = "/sign-out";
    static final String MY_DISCLOSURES = "/my-disclosures";
    static final String PDF_ACTION = "/my-disclosures/accounting.pdf";
    static final String FHIR_ACTION = "/my-disclosures/fhir.json";
    static final String STYLESHEET = "/page.css";

    static final String STYLE = "body { font-family: system-ui, Helvetica, Arial, sans-serif;"
            + " line-height: 1.5; margin: 0 auto; max-width: 52rem; padding: 1rem 1.5rem; color: #1b1b1b; }\n"
            + "header { display: flex; justify-content: space-between; align-items: baseline; }\n"
            + "header form button { margin-top: 0; }\n"
            + "h1 { font-size: 1.8rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #1b1b1b; }\n"
            + "label, legend { display: block; font-weight: bold; margin-top: 1rem; }\n"
            + ".hint { color: #4a4a4a; margin: 0.2rem 0; }\n"
            + ".error { color: #b50909; font-weight: bold; margin: 0.2rem 0; }\n"
            + "[aria-invalid=true] { border: 3px solid #b50909; }\n"
            + "select, input[type=text], textarea { font-size: 1rem; padding: 0.4rem; min-width: 16rem; }\n"
            + "textarea { width: 100%; box-sizing: border-box; font-family: monospace; }\n"
            + ".check { margin-top: 1rem; } .check label { display: inline; font-weight: normal; }\n"
            + "button { font-size: 1rem; padding: 0.5rem 1rem; margin-top: 1rem; background: #005ea2;"
            + " color: #fff; border: 0; border-radius: 4px; cursor: pointer; }\n"
            + "a:focus, select:focus, input:focus, textarea:focus, button:focus { outline: 3px solid #ffbf47;"
            + " outline-offset: 2px; }\n"
            + ".summary { border: 3px solid #b50909; padding: 0.5rem 1rem; }\n"
            + ".notice { border-left: 6px solid #005ea2; padding: 0.3rem 1rem; background: #eef5fb; }\n"
            + ".development { border: 3px dashed #8a5300; padding: 0 1rem 1rem; margin-top: 2rem;"
            + " background: #fff8e6; }\n"
            + ".development h2 { border-bottom-color: #8a5300; }\n"
            + ".development button { background: #8a5300; }\n"
            + ".downloads form { display: inline-block; margin-right: 1rem; }\n"
            + "ol.entries { padding-left: 0; list-style: none; }\n"
            + "ol.entries > li { border: 1px solid #8d8d8d; border-radius: 4px; padding: 0.5rem 1rem;"
            + " margin-bottom: 1rem; }\n"
            + "ol.entries > li.withheld { background: #f1f1f1; font-style: italic; }\n"
            + "h3 { margin: 0.3rem 0; font-size: 1.15rem; } dt { font-weight: bold; }\n"
            + "dd { margin: 0 0 0.4rem 1rem; } .later { background: #f6f6f6; padding: 0.3rem 0.8rem; }\n"
            + "h4 { margin: 0.3rem 0; }\n"
            + "table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;"
            + " border-bottom: 1px solid #8d8d8d; padding: 0.3rem 0.5rem 0.3rem 0; }\n"
            + ".visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;"
            + " clip: rect(0 0 0 0); white-space: nowrap; }\n";

    private PageRenderer() {}

    /**
     * What the sign-in page shows besides its forms.
     *
     * @param csrf           the session's CSRF token, for the forms
     * @param devSignIn      whether to offer the development sign-in (only while the development issuer runs)
     * @param notice         a sentence at the top (signed out, sign in to continue, the token was refused), or null
     * @param noticeIsError  whether the notice is an error (shown as an alert)
     * @param state          the state chosen in the development sign-in, to choose it again, or null
     * @param errors         the development sign-in's errors by field ({@code state}, {@code medicaidId})
     */
    record SignIn(
            CsrfToken csrf,
            boolean devSignIn,
            String notice,
            boolean noticeIsError,
            String state,
            Map<String, String> errors) {

        SignIn {
            errors = Map.copyOf(errors);
        }

        static SignIn plain(CsrfToken csrf, boolean devSignIn, String notice) {
            return new SignIn(csrf, devSignIn, notice, false, null, Map.of());
        }
    }

    /** The sign-in page. */
    static String signIn(SignIn view) {
        boolean failed = view.noticeIsError() || !view.errors().isEmpty();
        Xhtml page = start(failed ? "Error: sign in again" : "Sign in: who received my Medicaid data?");
        page.element("h1", "Who received my Medicaid data?")
                .element(
                        "p",
                        "Sign in to see every time your state's Medicaid agency released your data to someone else:"
                                + " when, to whom, what data, why and under which law, and who looked at your"
                                + " history.");
        notice(page, view.notice(), view.noticeIsError());
        errorSummary(page, view.errors());
        page.open("form", "method", "post", "action", SIGN_IN, "aria-labelledby", "sign-in")
                .element("h2", "Sign in", "id", "sign-in");
        csrf(page, view.csrf());
        page.element("label", "Your sign-in token", "for", "token")
                .element(
                        "p",
                        "The token your state's sign-in service gave you. It is checked and then forgotten: the page"
                                + " keeps only that you are signed in.",
                        "id",
                        "token-hint",
                        "class",
                        "hint")
                .open(
                        "textarea",
                        "id",
                        "token",
                        "name",
                        "token",
                        "rows",
                        "4",
                        "required",
                        "required",
                        "autocomplete",
                        "off",
                        "spellcheck",
                        "false",
                        "aria-describedby",
                        "token-hint")
                .close("textarea")
                .element("button", "Sign in", "type", "submit")
                .close("form");
        if (view.devSignIn()) {
            developmentSignIn(page, view);
        }
        return end(page);
    }

    /**
     * Who the signed-in enrollee is to the page, and what it shows them.
     *
     * @param history       their history, as read (and recorded) for this page
     * @param ledgerIndexes each visible entry's ledger index, by disclosure id
     * @param readers       who read their records, newest first
     * @param wholeHistory  whether the whole history was asked for rather than six years
     * @param csrf          the session's CSRF token, for the download and sign-out forms
     */
    record History(
            EnrolleeHistory history,
            Map<String, Long> ledgerIndexes,
            List<HistoryAccessView> readers,
            boolean wholeHistory,
            CsrfToken csrf) {

        History {
            ledgerIndexes = Map.copyOf(ledgerIndexes);
            readers = List.copyOf(readers);
        }
    }

    /** The signed-in enrollee's page: their disclosures, the downloads, and who looked at their history. */
    static String history(History view) {
        EnrolleeHistory history = view.history();
        Xhtml page = start("Your disclosures: who received your Medicaid data", view.csrf());
        page.element("h1", "Who received my Medicaid data?")
                .element(
                        "p",
                        "Every time your state's Medicaid agency released your data to someone else: when, to whom,"
                                + " what data, why and under which law.");
        page.open("form", "method", "get", "action", MY_DISCLOSURES, "aria-label", "Period");
        page.open("div", "class", "check");
        if (view.wholeHistory()) {
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
                .element("button", "Show", "type", "submit")
                .close("form");
        page.open("section", "aria-labelledby", "results")
                .element("h2", "Disclosures of your data (" + history.entries().size() + ")", "id", "results")
                .element("p", period(history));
        downloads(page, view);
        if (history.entries().isEmpty()) {
            page.element("p", "The ledger holds no disclosure of your data for this period.");
        } else {
            page.open("ol", "class", "entries");
            for (HistoryEntry entry : history.entries()) {
                if (entry instanceof WithheldEntry withheld) {
                    page.element(
                            "li",
                            "One disclosure of your data is withheld until " + Labels.day(withheld.until()) + " under "
                                    + withheld.authority() + ". It will be shown in full from that date on.",
                            "class",
                            "withheld");
                } else if (entry instanceof VisibleEntry visible) {
                    visible(
                            page,
                            visible,
                            view.ledgerIndexes().get(visible.disclosureId().value()));
                }
            }
            page.close("ol");
        }
        page.close("section");
        readers(page, view.readers());
        return end(page);
    }

    /** The answer to a form the page chain refused (no CSRF token, or an expired one): nothing was done. */
    static String refused(CsrfToken csrf, boolean signedIn) {
        Xhtml page = signedIn ? start("Error: the form was refused", csrf) : start("Error: the form was refused");
        page.element("h1", "That form could not be accepted")
                .element(
                        "p",
                        "Nothing was changed or downloaded. The form had expired, or it did not come from this"
                                + " page.")
                .open("p")
                .element(
                        "a",
                        signedIn ? "Go back to your disclosures" : "Go to the sign-in page",
                        "href",
                        signedIn ? MY_DISCLOSURES : SIGN_IN)
                .close("p");
        return end(page);
    }

    private static Xhtml start(String title) {
        return head(title)
                .open("header")
                .element("p", "Disclosure Ledger")
                .close("header")
                .open("main");
    }

    /** The start of a signed-in page: its header carries the sign-out button. */
    private static Xhtml start(String title, CsrfToken csrf) {
        Xhtml page = head(title).open("header").element("p", "Disclosure Ledger");
        page.open("form", "method", "post", "action", SIGN_OUT);
        csrf(page, csrf);
        page.element("button", "Sign out", "type", "submit").close("form");
        return page.close("header").open("main");
    }

    private static Xhtml head(String title) {
        Xhtml page = new Xhtml();
        page.markup("<!DOCTYPE html>\n")
                .open("html", "lang", "en")
                .open("head")
                .markup("<meta charset=\"UTF-8\"/>")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .element("title", title + " - Disclosure Ledger");
        empty(page, "link", "rel", "stylesheet", "href", STYLESHEET);
        return page.close("head").open("body");
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

    /** The hidden field that proves a form came from this page ({@code _csrf}). */
    private static void csrf(Xhtml page, CsrfToken csrf) {
        empty(page, "input", "type", "hidden", "name", csrf.getParameterName(), "value", csrf.getToken());
    }

    private static void notice(Xhtml page, String notice, boolean isError) {
        if (notice == null) {
            return;
        }
        if (isError) {
            page.open("div", "class", "summary", "role", "alert", "aria-labelledby", "problem")
                    .element("h2", "There is a problem", "id", "problem")
                    .element("p", notice, "id", "notice")
                    .close("div");
        } else {
            page.element("p", notice, "id", "notice", "class", "notice", "role", "status");
        }
    }

    private static void errorSummary(Xhtml page, Map<String, String> errors) {
        if (errors.isEmpty()) {
            return;
        }
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

    /** The development sign-in: state and Medicaid id, labelled for what it is; never beside an identity provider. */
    private static void developmentSignIn(Xhtml page, SignIn view) {
        Map<String, String> errors = view.errors();
        page.open("section", "class", "development", "aria-labelledby", "development")
                .element("h2", "Development sign-in", "id", "development")
                .element(
                        "p",
                        "This ledger runs with its development token issuer, for trying it out: anyone who reaches"
                                + " it can sign in as any enrollee by state and Medicaid ID, without a password. It"
                                + " must never hold real data.",
                        "id",
                        "development-warning")
                .open(
                        "form",
                        "method",
                        "post",
                        "action",
                        DEVELOPMENT_SIGN_IN,
                        "aria-describedby",
                        "development-warning");
        csrf(page, view.csrf());
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
            if (state.getKey().equals(view.state())) {
                page.element("option", state.getValue(), "value", state.getKey(), "selected", "selected");
            } else {
                page.element("option", state.getValue(), "value", state.getKey());
            }
        }
        page.close("select");
        page.element("label", "Medicaid ID", "for", "medicaidId")
                .element(
                        "p",
                        "As printed on the Medicaid card: letters and digits.",
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
                "",
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
        page.element("button", "Sign in (development)", "type", "submit")
                .close("form")
                .close("section");
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

    private static void downloads(Xhtml page, History view) {
        page.open("div", "class", "downloads");
        download(page, PDF_ACTION, "Download the Accounting of Disclosures (PDF)", view);
        download(page, FHIR_ACTION, "Download the FHIR export (JSON)", view);
        page.close("div");
    }

    /** A small form that POSTs the period asked for; whose history it is comes from the session, not the form. */
    private static void download(Xhtml page, String action, String label, History view) {
        page.open("form", "method", "post", "action", action);
        csrf(page, view.csrf());
        empty(page, "input", "type", "hidden", "name", "wholeHistory", "value", Boolean.toString(view.wholeHistory()));
        page.element("button", label, "type", "submit").close("form");
    }

    /** Who looked at the enrollee's history: a section of its own, kept apart from the disclosures. */
    private static void readers(Xhtml page, List<HistoryAccessView> readers) {
        page.open("section", "aria-labelledby", "readers")
                .element("h2", "Who looked at your history", "id", "readers")
                .element(
                        "p",
                        "Every time someone reads your disclosure history or downloads it, the ledger records who,"
                                + " when, what and why before they see it. Your own reads are recorded too; this"
                                + " list shows everybody else's.");
        if (readers.isEmpty()) {
            page.element("p", "Nobody has looked at your history yet.", "id", "no-readers");
        } else {
            page.open("table")
                    .open("thead")
                    .open("tr")
                    .element("th", "When", "scope", "col")
                    .element("th", "Who", "scope", "col")
                    .element("th", "As", "scope", "col")
                    .element("th", "What they read", "scope", "col")
                    .element("th", "The purpose they stated", "scope", "col")
                    .close("tr")
                    .close("thead")
                    .open("tbody");
            for (HistoryAccessView read : readers) {
                page.open("tr")
                        .element("td", Labels.moment(read.accessedAt()))
                        .element("td", read.readerSubject())
                        .element("td", role(read.role()))
                        .element("td", record(read.record()))
                        .element("td", read.purpose())
                        .close("tr");
            }
            page.close("tbody").close("table");
        }
        page.close("section");
    }

    private static String role(ReaderRole role) {
        return switch (role) {
            case ENROLLEE -> "You";
            case AUDITOR -> "State auditor";
            case REGULATOR -> "Regulator";
            case ADMIN -> "Ledger administrator";
        };
    }

    private static String record(AccessedRecord record) {
        return switch (record) {
            case HISTORY -> "Your disclosure history";
            case ACCOUNTING_PDF -> "Your Accounting of Disclosures";
            case FHIR_EXPORT -> "Your FHIR export";
            case MEMBERSHIP_PROOF -> "Proof that you were in a bulk disclosure";
        };
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
