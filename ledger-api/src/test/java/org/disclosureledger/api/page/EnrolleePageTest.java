package org.disclosureledger.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The enrollee's page over plain HTTP: statuses, headers and what is never echoed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class EnrolleePageTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theFormIsAnAccessibleHtmlPageListingEveryState() {
        LedgerClient.Response response = new LedgerClient(port).get("/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body())
                .contains("<html lang=\"en\">")
                .contains("<label for=\"state\">State or territory</label>")
                .contains("<label for=\"medicaidId\">Medicaid ID</label>")
                .contains("<form method=\"post\" action=\"/\"");
        assertThat(StateNames.BY_CODE).hasSize(56);
        assertThat(StateNames.BY_CODE.keySet())
                .allSatisfy(code -> assertThat(org.disclosureledger.core.jurisdiction.StateCode.isKnown(code))
                        .as(code)
                        .isTrue());
    }

    @Test
    void badInputIsAnsweredWith422AndTheFormWithoutTheMedicaidId(CapturedOutput output) {
        for (String path : new String[] {"/", PageRenderer.PDF_ACTION, PageRenderer.FHIR_ACTION}) {
            LedgerClient.Response response = post(path, "state=XX&medicaidId=QX%24SECRET77");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.body())
                    .contains("id=\"state-error\"")
                    .contains("id=\"medicaidId-error\"")
                    .doesNotContain("SECRET77");
        }
        assertThat(output.getAll()).doesNotContain("SECRET77");
    }

    @Test
    void anEnrolleeWithNoDisclosuresIsToldSoAndTheAnswerIsNotCached() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                                .header("Content-Type", FORM)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "state=CA&medicaidId=QXNOBODY0001&wholeHistory=true"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body())
                .contains("The ledger holds no disclosure of your data for this period.")
                .contains("Your whole history, newest first.");
    }

    private LedgerClient.Response post(String path, String body) {
        return new LedgerClient(port).send("POST", path, FORM, body.getBytes(StandardCharsets.UTF_8));
    }
}
