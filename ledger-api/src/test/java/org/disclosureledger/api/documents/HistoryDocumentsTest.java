package org.disclosureledger.api.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.disclosure;
import static org.disclosureledger.api.Examples.map;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enrollee's documents end to end: a disclosure is recorded through the API, the person-history processor catches
 * up, and the enrollee asks for the accounting (HTML and PDF) and the FHIR export by state and Medicaid id in a POST
 * body. The raw Medicaid id appears in no document and no log line.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.org.springframework.web=DEBUG", "logging.level.org.disclosureledger=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class HistoryDocumentsTest {

    private static final String RAW_ID = "QXDOCS58213";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void recordADisclosureAndWaitForTheHistory() throws Exception {
        LedgerClient.Response recorded = LedgerClient.recorder(port)
                .postJson("/api/v1/disclosures", disclosure("docs-1", RAW_ID, "QXDOCS58214"));
        assertThat(recorded.status()).as(recorded.body()).isIn(200, 201);
        Instant deadline = Instant.now().plusSeconds(60);
        while (auditEvents(post("/api/v1/history/fhir", enrollee(RAW_ID), "application/fhir+json"))
                        .isEmpty()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    @Test
    void theFhirExportHoldsTheEnrolleesDisclosureUnderTheirPseudonym(CapturedOutput output) throws Exception {
        HttpResponse<byte[]> response = post("/api/v1/history/fhir", enrollee(RAW_ID), "application/fhir+json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        AuditEvent event = auditEvents(response).stream().findFirst().orElseThrow();
        assertThat(event.getType().getCode()).isEqualTo("110106");
        assertThat(event.getEntityFirstRep().getWhat().getIdentifier().getValue())
                .isEqualTo(TestLedger.pseudonymiser()
                        .pseudonymise(new StateCode("CA"), RAW_ID)
                        .value());
        assertThat(event.getEntity().get(1).getWhat().getIdentifier().getValue())
                .isEqualTo("docs-1");
        assertThat(body).doesNotContain(RAW_ID, "QXDOCS58214");
        assertThat(output.getAll()).doesNotContain(RAW_ID);
    }

    @Test
    void theAccountingIsHtmlByDefaultAndNamesTheEnrolleeOnlyByState() {
        HttpResponse<byte[]> response = post("/api/v1/history/accounting", enrollee(RAW_ID), "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("for an enrollee of the CA Medicaid program")
                .contains("U.S. Immigration and Customs Enforcement")
                .contains("Law enforcement: Locating individuals for immigration enforcement")
                .doesNotContain(RAW_ID);
    }

    @Test
    void theAccountingIsAPdfWhenAskedForOne(CapturedOutput output) throws IOException {
        HttpResponse<byte[]> response = post("/api/v1/history/accounting", enrollee(RAW_ID), "application/pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = AccountingOfDisclosuresTest.squeezed(AccountingOfDisclosuresTest.text(response.body()));
        assertThat(text)
                .contains("for an enrollee of the CA Medicaid program")
                .contains("U.S. Immigration and Customs Enforcement")
                .contains("Name, Address, Social Security number, Immigration status")
                .doesNotContain(RAW_ID);
        assertThat(output.getAll()).doesNotContain(RAW_ID);
    }

    @Test
    void anEnrolleeWithNoDisclosuresGetsAnEmptyAccounting() {
        HttpResponse<byte[]> response = post("/api/v1/history/accounting", enrollee("QXDOCS00000"), "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("The ledger holds no disclosure of your data for this period.");
    }

    @Test
    void badIdentifiersAreAnsweredWithEveryFieldErrorAndWithoutEchoingThem(CapturedOutput output) {
        String badId = "QX!DOCS58299";
        for (String path : new String[] {"/api/v1/history/accounting", "/api/v1/history/fhir"}) {
            HttpResponse<byte[]> response =
                    post(path, map("state", "XX", "medicaidId", badId, "purpose", "Complaint 2026-7"), "*/*");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("state", "medicaidId");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(badId);
        }
        assertThat(output.getAll()).doesNotContain(badId);
    }

    @Test
    void aBadIdentifierIsAProblemDocumentEvenWhenAPdfWasAskedFor() {
        HttpResponse<byte[]> response = post(
                "/api/v1/history/accounting",
                map("state", "CA", "medicaidId", "", "purpose", "Complaint 2026-7"),
                "application/pdf");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void theEnrolleeDownloadsTheirOwnDocumentsWithoutNamingThemselves() {
        LedgerClient enrollee = new LedgerClient(port).as(TestTokens.enrollee("CA", RAW_ID));

        byte[] pdf = enrollee.getBytes("/api/v1/me/history/accounting?wholeHistory=true", "application/pdf");
        LedgerClient.Response fhir = enrollee.get("/api/v1/me/history/fhir");

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(fhir.status()).as(fhir.body()).isEqualTo(200);
        assertThat(fhir.body()).contains("docs-1").doesNotContain(RAW_ID);
    }

    private Map<String, Object> enrollee(String medicaidId) {
        return map("state", "CA", "medicaidId", medicaidId, "purpose", "Complaint 2026-7", "wholeHistory", false);
    }

    private static java.util.List<AuditEvent> auditEvents(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return java.util.List.of();
        }
        Bundle bundle = FhirContext.forR4Cached()
                .newJsonParser()
                .parseResource(Bundle.class, new String(response.body(), StandardCharsets.UTF_8));
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(AuditEvent.class::isInstance)
                .map(AuditEvent.class::cast)
                .toList();
    }

    private HttpResponse<byte[]> post(String path, Object body, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("Authorization", "Bearer " + TestTokens.auditor("CA"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(LedgerClient.json(body)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
