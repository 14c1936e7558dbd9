package org.disclosureledger.api.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.disclosure;
import static org.disclosureledger.api.Examples.map;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.disclosureledger.api.LedgerApplication;
import org.disclosureledger.api.LedgerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The development sign-in on the embedded default, as the README's run command starts the application (no database,
 * no broker, no identity provider: the development issuer runs): the sign-in page offers it, labelled as development,
 * and it signs an enrollee in by state and Medicaid id, with the same CSRF protection and input checks as every form.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevelopmentSignInTest {

    private static final String RAW_ID = "QXDEVSIGN2291";

    @TempDir
    Path dataDir;

    @Test
    void givenTheEmbeddedDefault_whenAnEnrolleeUsesTheDevelopmentSignIn_thenItIsLabelledAndSignsThemIn(
            CapturedOutput output) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir, "--ledger.embedded.kafka.port=0")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            recordADisclosure(port);
            PageSession browser = new PageSession(port);

            String signInPage = browser.get("/sign-in").body();
            assertThat(signInPage)
                    .contains("<h2 id=\"development\">Development sign-in</h2>")
                    .contains("runs with its development token issuer")
                    .contains("It must never hold real data.")
                    .contains("<form method=\"post\" action=\"/sign-in/development\"")
                    .contains("<button type=\"submit\">Sign in (development)</button>");
            String csrf = PageSession.csrfOf(signInPage);

            HttpResponse<String> bad = browser.post(
                    PageRenderer.DEVELOPMENT_SIGN_IN, Map.of("_csrf", csrf, "state", "CA", "medicaidId", "QX$DEV77"));
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body())
                    .contains("id=\"medicaidId-error\"")
                    .contains("<option value=\"CA\" selected=\"selected\">California</option>")
                    .doesNotContain("QX$DEV77");
            HttpResponse<String> noCsrf =
                    browser.post(PageRenderer.DEVELOPMENT_SIGN_IN, Map.of("state", "CA", "medicaidId", RAW_ID));
            assertThat(noCsrf.statusCode()).isEqualTo(403);
            assertThat(browser.get("/my-disclosures").statusCode()).isEqualTo(303);

            HttpResponse<String> signedIn = browser.post(
                    PageRenderer.DEVELOPMENT_SIGN_IN, Map.of("_csrf", csrf, "state", "CA", "medicaidId", RAW_ID));

            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Location")).hasValue("/my-disclosures");
            assertThat(awaitTheDisclosure(browser))
                    .contains("Disclosures of your data (1)")
                    .contains("U.S. Immigration and Customs Enforcement")
                    .doesNotContain(RAW_ID);
        }
        assertThat(output.getAll()).doesNotContain(RAW_ID);
    }

    private static void recordADisclosure(int port) {
        LedgerClient.Response token =
                new LedgerClient(port).postJson("/dev/tokens", map("role", "recorder", "states", List.of("CA")));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        LedgerClient.Response recorded = new LedgerClient(port)
                .as(token.json().path("accessToken").asString())
                .postJson("/api/v1/disclosures", disclosure("dev-sign-in-1", RAW_ID));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    /** The signed-in page once the history shows the disclosure (it is built asynchronously), at most 60 s. */
    private static String awaitTheDisclosure(PageSession browser) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            HttpResponse<String> page = browser.get("/my-disclosures");
            assertThat(page.statusCode()).isEqualTo(200);
            if (page.body().contains("Disclosures of your data (1)")) {
                return page.body();
            }
            assertThat(Instant.now()).as("the history caught up within 60 s").isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
