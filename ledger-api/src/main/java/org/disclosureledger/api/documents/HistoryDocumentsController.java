package org.disclosureledger.api.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enrollee's documents over HTTP: the Accounting of Disclosures (HTML or PDF, by the Accept header) and the
 * FHIR R4 export. The enrollee's identifier travels in the POST body, never in the URL; answers are not cached.
 */
@RestController
@RequestMapping("/api/v1/history")
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

    /** The Accounting of Disclosures: PDF when the caller prefers it, HTML otherwise. */
    @PostMapping(
            path = "/accounting",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<byte[]> accounting(
            @RequestBody EnrolleeBody body,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        EnrolleeHistory history = histories.read(body);
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

    /** The FHIR R4 export: a Bundle of AuditEvents, one per disclosure of the enrollee's data. */
    @PostMapping(path = "/fhir", consumes = MediaType.APPLICATION_JSON_VALUE, produces = FhirAuditExport.MEDIA_TYPE)
    ResponseEntity<byte[]> fhir(@RequestBody EnrolleeBody body) {
        EnrolleeHistory history = histories.read(body);
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
