package org.disclosureledger.api.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.core.access.AccessedRecord;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's documents over HTTP: the Accounting of Disclosures (HTML or PDF, by the Accept header) and the FHIR R4
 * export. An enrollee reads their own under {@code /api/v1/me}; an official names the person in a POST body (never in
 * the URL) with a stated purpose. Every read is recorded first; answers are not cached.
 */
@RestController
class HistoryDocumentsController {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType(FhirAuditExport.MEDIA_TYPE);

    private final EnrolleeHistories histories;
    private final AccountingOfDisclosures accounting;
    private final FhirAuditExport fhir;

    HistoryDocumentsController(EnrolleeHistories histories, AccountingOfDisclosures accounting, FhirAuditExport fhir) {
        this.histories = histories;
        this.accounting = accounting;
        this.fhir = fhir;
    }

    /** The signed-in enrollee's own Accounting of Disclosures: PDF when they prefer it, HTML otherwise. */
    @GetMapping(
            path = "/api/v1/me/history/accounting",
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<byte[]> myAccounting(
            @AuthenticationPrincipal LedgerUser enrollee,
            @RequestParam(required = false) Boolean wholeHistory,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return accounting(
                histories.readOwn(enrollee, Boolean.TRUE.equals(wholeHistory), AccessedRecord.ACCOUNTING_PDF), accept);
    }

    /** An official's copy of a person's Accounting of Disclosures, for a stated purpose. */
    @PostMapping(
            path = "/api/v1/history/accounting",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<byte[]> accounting(
            @AuthenticationPrincipal LedgerUser official,
            @RequestBody EnrolleeBody body,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return accounting(histories.readForOfficial(official, body, AccessedRecord.ACCOUNTING_PDF), accept);
    }

    /** The signed-in enrollee's own FHIR R4 export: a Bundle of AuditEvents, one per disclosure of their data. */
    @GetMapping(path = "/api/v1/me/history/fhir", produces = FhirAuditExport.MEDIA_TYPE)
    ResponseEntity<byte[]> myFhir(
            @AuthenticationPrincipal LedgerUser enrollee, @RequestParam(required = false) Boolean wholeHistory) {
        return fhir(histories.readOwn(enrollee, Boolean.TRUE.equals(wholeHistory), AccessedRecord.FHIR_EXPORT));
    }

    /** An official's FHIR R4 export of a person's disclosures, for a stated purpose. */
    @PostMapping(
            path = "/api/v1/history/fhir",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = FhirAuditExport.MEDIA_TYPE)
    ResponseEntity<byte[]> fhir(@AuthenticationPrincipal LedgerUser official, @RequestBody EnrolleeBody body) {
        return fhir(histories.readForOfficial(official, body, AccessedRecord.FHIR_EXPORT));
    }

    private ResponseEntity<byte[]> accounting(EnrolleeHistory history, String accept) {
        if (prefersPdf(accept)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .cacheControl(CacheControl.noStore())
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename("accounting-of-disclosures.pdf")
                                    .build()
                                    .toString())
                    .body(accounting.pdf(history));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(accounting.html(history).getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<byte[]> fhir(EnrolleeHistory history) {
        return ResponseEntity.ok()
                .contentType(FHIR_JSON)
                .cacheControl(CacheControl.noStore())
                .body(fhir.json(history));
    }

    /** Whether the Accept header, by its quality values, ranks PDF above HTML; without one, HTML is given. */
    static boolean prefersPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        // A stable sort: among equal quality values, the caller's order decides.
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.includes(MediaType.TEXT_HTML)) {
                return false;
            }
            if (type.includes(MediaType.APPLICATION_PDF)) {
                return true;
            }
        }
        return false;
    }
}
