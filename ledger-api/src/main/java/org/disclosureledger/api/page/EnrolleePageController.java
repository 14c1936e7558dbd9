package org.disclosureledger.api.page;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.disclosureledger.api.documents.AccountingOfDisclosures;
import org.disclosureledger.api.documents.EnrolleeHistories;
import org.disclosureledger.api.documents.EnrolleeHistory;
import org.disclosureledger.api.documents.FhirAuditExport;
import org.disclosureledger.api.history.LedgerIndexes;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.projections.access.HistoryAccessLog;
import org.disclosureledger.projections.access.HistoryAccessView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in enrollee's page: {@code GET /} and {@code GET /my-disclosures} show their own disclosures (signed out:
 * a redirect to the sign-in page), and the download buttons POST to this package's own document endpoints, which use
 * the same builders as the API's. Whose history it is comes only from the session, never from the request, and every
 * read is recorded on the ledger before it is shown ({@link EnrolleeHistories#readOwn}). Every answer that shows
 * personal data is marked {@code no-store}.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class EnrolleePageController {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    private final EnrolleeHistories histories;
    private final LedgerIndexes ledgerIndexes;
    private final AccountingOfDisclosures accounting;
    private final FhirAuditExport fhir;
    private final HistoryAccessLog accesses;

    EnrolleePageController(
            EnrolleeHistories histories,
            LedgerIndexes ledgerIndexes,
            AccountingOfDisclosures accounting,
            FhirAuditExport fhir,
            HistoryAccessLog accesses) {
        this.histories = histories;
        this.ledgerIndexes = ledgerIndexes;
        this.accounting = accounting;
        this.fhir = fhir;
        this.accesses = accesses;
    }

    /** How many recorded reads the page lists, newest first. */
    static final int READS_SHOWN = 200;

    @GetMapping(path = {"/", PageRenderer.MY_DISCLOSURES})
    ResponseEntity<byte[]> myDisclosures(
            @AuthenticationPrincipal LedgerUser enrollee,
            @RequestParam(required = false) String wholeHistory,
            CsrfToken csrf) {
        if (enrollee == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, PageRenderer.SIGN_IN)
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        boolean whole = wholeHistory(wholeHistory);
        EnrolleeHistory history = histories.readOwn(enrollee, whole, AccessedRecord.HISTORY);
        // Others' reads: every one of the enrollee's own is recorded too, but listing them would only show this page.
        List<HistoryAccessView> readers = accesses.accessesOf(enrollee.person(), READS_SHOWN).stream()
                .filter(view -> view.role() != ReaderRole.ENROLLEE)
                .toList();
        return html(
                HttpStatus.OK,
                PageRenderer.history(
                        new PageRenderer.History(history, ledgerIndexes.of(history.entries()), readers, whole, csrf)));
    }

    @PostMapping(path = PageRenderer.PDF_ACTION, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal LedgerUser enrollee, @RequestParam(required = false) String wholeHistory) {
        byte[] pdf =
                accounting.pdf(histories.readOwn(enrollee, wholeHistory(wholeHistory), AccessedRecord.ACCOUNTING_PDF));
        return download(MediaType.APPLICATION_PDF, "accounting-of-disclosures.pdf", pdf);
    }

    @PostMapping(path = PageRenderer.FHIR_ACTION, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> fhir(
            @AuthenticationPrincipal LedgerUser enrollee, @RequestParam(required = false) String wholeHistory) {
        byte[] json = fhir.json(histories.readOwn(enrollee, wholeHistory(wholeHistory), AccessedRecord.FHIR_EXPORT));
        return download(MediaType.parseMediaType(FhirAuditExport.MEDIA_TYPE), "disclosures-fhir.json", json);
    }

    /** The page's stylesheet: a file of its own, so that the Content-Security-Policy needs no inline style. */
    @GetMapping(path = PageRenderer.STYLESHEET)
    ResponseEntity<String> stylesheet() {
        return ResponseEntity.ok()
                .contentType(CSS)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(PageRenderer.STYLE);
    }

    private static boolean wholeHistory(String value) {
        return "true".equals(value) || "on".equals(value);
    }

    static ResponseEntity<byte[]> html(HttpStatus status, String page) {
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
