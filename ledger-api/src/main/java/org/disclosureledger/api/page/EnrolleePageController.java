package org.disclosureledger.api.page;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosureledger.api.documents.AccountingOfDisclosures;
import org.disclosureledger.api.documents.EnrolleeHistories;
import org.disclosureledger.api.documents.EnrolleeHistory;
import org.disclosureledger.api.documents.FhirAuditExport;
import org.disclosureledger.api.history.LedgerIndexes;
import org.disclosureledger.api.problem.FieldError;
import org.disclosureledger.api.problem.InvalidRequest;
import org.disclosureledger.api.security.AccessRecorder;
import org.disclosureledger.api.security.LedgerUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The enrollee's page over HTTP: {@code GET /} shows the look-up form; the form POSTs (form-urlencoded) to {@code /}
 * and the answer is the enrollee's disclosures. The download buttons POST the same identifier to this package's own
 * document endpoints, which use the same builders as the JSON-bodied {@code /api/v1/history} ones. The identifier is
 * only ever in a POST body, and every answer that shows personal data is marked {@code no-store}. Bad input
 * re-renders the form with 422 and the error next to its field, without the Medicaid id.
 *
 * <p>There is no CSRF protection yet: the security issue adds it for every form at once.
 */
@Controller
class EnrolleePageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final EnrolleeHistories histories;
    private final LedgerIndexes ledgerIndexes;
    private final AccountingOfDisclosures accounting;
    private final FhirAuditExport fhir;

    EnrolleePageController(
            EnrolleeHistories histories,
            LedgerIndexes ledgerIndexes,
            AccountingOfDisclosures accounting,
            FhirAuditExport fhir) {
        this.histories = histories;
        this.ledgerIndexes = ledgerIndexes;
        this.accounting = accounting;
        this.fhir = fhir;
    }

    @GetMapping(path = {"/", "/my-disclosures"})
    ResponseEntity<byte[]> form() {
        return html(HttpStatus.OK, PageRenderer.form(new PageRenderer.Form(null, false, Map.of())));
    }

    @PostMapping(
            path = {"/", "/my-disclosures"},
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> lookUp(
            @AuthenticationPrincipal LedgerUser enrollee, @RequestParam(required = false) String wholeHistory) {
        boolean whole = wholeHistory(wholeHistory);
        EnrolleeHistory history = histories.readOwn(enrollee, whole, AccessRecorder.ReadRecord.HISTORY);
        PageRenderer.Form form = new PageRenderer.Form(history.state().code(), whole, Map.of());
        return html(HttpStatus.OK, PageRenderer.history(form, "", history, ledgerIndexes.of(history.entries())));
    }

    @PostMapping(path = PageRenderer.PDF_ACTION, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal LedgerUser enrollee, @RequestParam(required = false) String wholeHistory) {
        byte[] pdf = accounting.pdf(
                histories.readOwn(enrollee, wholeHistory(wholeHistory), AccessRecorder.ReadRecord.ACCOUNTING));
        return download(MediaType.APPLICATION_PDF, "accounting-of-disclosures.pdf", pdf);
    }

    @PostMapping(path = PageRenderer.FHIR_ACTION, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> fhir(
            @AuthenticationPrincipal LedgerUser enrollee, @RequestParam(required = false) String wholeHistory) {
        byte[] json = fhir.json(
                histories.readOwn(enrollee, wholeHistory(wholeHistory), AccessRecorder.ReadRecord.FHIR_EXPORT));
        return download(MediaType.parseMediaType(FhirAuditExport.MEDIA_TYPE), "disclosures-fhir.json", json);
    }

    private static boolean wholeHistory(String value) {
        return "true".equals(value) || "on".equals(value);
    }

    /** The form again, each error next to its field in words a person can act on; the Medicaid id is left out. */
    private static ResponseEntity<byte[]> invalid(PageRenderer.Form form, InvalidRequest invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : invalid.errors()) {
            if (error.field().equals("state")) {
                errors.putIfAbsent("state", "Choose your state or territory from the list.");
            } else if (error.field().equals("medicaidId")) {
                errors.putIfAbsent(
                        "medicaidId",
                        error.reason().endsWith("required")
                                ? "Enter your Medicaid ID."
                                : "Enter your Medicaid ID as 1 to 32 letters and digits (spaces and hyphens are"
                                        + " ignored).");
            }
        }
        String state = errors.containsKey("state") ? null : form.state();
        return html(
                HttpStatus.UNPROCESSABLE_CONTENT,
                PageRenderer.form(new PageRenderer.Form(state, form.wholeHistory(), errors)));
    }

    private static ResponseEntity<byte[]> html(HttpStatus status, String page) {
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .body(page.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> download(MediaType type, String filename, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(content);
    }
}
