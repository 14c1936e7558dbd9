package org.disclosureledger.api.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.disclosure;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.api.security.AccessRecorder;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The enrollee's page over plain HTTP, signed in with the test identity provider's tokens: sign-in and sign-out,
 * what the signed-in page shows and downloads, CSRF refusals that change nothing, the security headers, and what is
 * never echoed. A recording {@link AccessRecorder} stands in for the ledger's, to see which reads were recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class EnrolleePageTest {

    private static final String RAW_ID = "QXPAGEHTTP4417";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    /** Every read the page recorded, in order. */
    record Read(LedgerUser reader, PersonRef person, AccessedRecord record, StatedPurpose purpose) {}

    @TestConfiguration
    static class RecordedReads {

        @Bean
        List<Read> reads() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        @Primary
        AccessRecorder recordingAccessRecorder(List<Read> reads) {
            return (reader, person, record, purpose) -> reads.add(new Read(reader, person, record, purpose));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    List<Read> reads;

    private static boolean recorded;

    @BeforeEach
    void recordADisclosureOnce() {
        if (!recorded) {
            LedgerClient.Response response =
                    LedgerClient.recorder(port).postJson("/api/v1/disclosures", disclosure("page-http-1", RAW_ID));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            awaitTheHistory();
            recorded = true;
        }
        reads.clear();
    }

    @Test
    void givenSignedOut_whenThePageIsAskedFor_thenTheSignInPageAnswers() {
        PageSession browser = new PageSession(port);

        for (String path : new String[] {"/", "/my-disclosures"}) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).as(path).hasValue("/sign-in");
        }
        HttpResponse<String> signIn = browser.get("/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(signIn.body())
                .contains("<html lang=\"en\">")
                .contains("<form method=\"post\" action=\"/sign-in\"")
                .contains("<label for=\"token\">Your sign-in token</label>")
                .contains("name=\"_csrf\"")
                .as("no development sign-in beside an identity provider")
                .doesNotContain("Development sign-in")
                .doesNotContain("/sign-in/development");
        HttpResponse<String> download =
                browser.post(PageRenderer.PDF_ACTION, Map.of("_csrf", PageSession.csrfOf(signIn.body())));
        assertThat(download.statusCode()).isEqualTo(401);
        assertThat(download.body()).contains("Sign in to continue.").contains("action=\"/sign-in\"");
        assertThat(reads).isEmpty();
    }

    @Test
    void givenAnEnrolleeToken_whenSignedInThroughTheForm_thenTheirOwnHistoryIsShownAndTheAccessedRecorded(
            CapturedOutput output) {
        PageSession browser = new PageSession(port);
        String anonymousCsrf = PageSession.csrfOf(browser.get("/sign-in").body());
        String anonymousSession = browser.sessionId().orElseThrow();

        HttpResponse<String> signedIn = browser.signIn(TestTokens.enrollee("CA", RAW_ID));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/my-disclosures");
        assertThat(browser.sessionId())
                .as("signing in gives the session a new id (no session fixation)")
                .isPresent()
                .get()
                .isNotEqualTo(anonymousSession);
        HttpResponse<String> page = browser.get("/my-disclosures");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body())
                .contains("Disclosures of your data (1)")
                .contains("U.S. Immigration and Customs Enforcement")
                .contains("<form method=\"post\" action=\"/my-disclosures/accounting.pdf\">")
                .contains("<form method=\"post\" action=\"/my-disclosures/fhir.json\">")
                .contains("<form method=\"post\" action=\"/sign-out\">")
                .contains("<h2 id=\"readers\">Who looked at your history</h2>")
                .contains("Nobody has looked at your history yet.")
                .doesNotContain(RAW_ID);
        assertThat(browser.get("/").body()).contains("Disclosures of your data (1)");
        assertThat(browser.post(PageRenderer.PDF_ACTION, Map.of("_csrf", anonymousCsrf))
                        .statusCode())
                .as("signing in renews the CSRF token: the sign-in page's no longer works")
                .isEqualTo(403);
        assertThat(reads).hasSize(2).allSatisfy(read -> {
            assertThat(read.person()).isEqualTo(TestLedger.pseudonymiser().pseudonymise(new StateCode("CA"), RAW_ID));
            assertThat(read.record()).isEqualTo(AccessedRecord.HISTORY);
            assertThat(read.purpose()).isEqualTo(AccessRecorder.OWN_RECORDS);
        });
        assertThat(browser.get("/sign-in").statusCode())
                .as("signed in, the sign-in page sends them to their page")
                .isEqualTo(303);
        assertThat(output.getAll()).doesNotContain(RAW_ID);
    }

    @Test
    void givenASignedInEnrollee_whenTheDownloadButtonsArePosted_thenThePdfAndTheFhirExportAreReturnedUncached() {
        PageSession browser = signedIn();
        String csrf = PageSession.csrfOf(browser.get("/my-disclosures").body());
        reads.clear();

        HttpResponse<byte[]> pdf =
                browser.postForBytes(PageRenderer.PDF_ACTION, Map.of("_csrf", csrf, "wholeHistory", "false"));
        HttpResponse<byte[]> fhir =
                browser.postForBytes(PageRenderer.FHIR_ACTION, Map.of("_csrf", csrf, "wholeHistory", "true"));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(fhir.statusCode()).isEqualTo(200);
        assertThat(fhir.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new String(fhir.body(), StandardCharsets.UTF_8))
                .contains("\"AuditEvent\"")
                .doesNotContain(RAW_ID);
        assertThat(reads)
                .extracting(Read::record)
                .containsExactly(AccessedRecord.ACCOUNTING_PDF, AccessedRecord.FHIR_EXPORT);
    }

    @Test
    void givenASignedInEnrollee_whenAFormIsPostedWithoutItsCsrfToken_thenRefused403AndNothingIsReadOrChanged() {
        PageSession browser = signedIn();
        reads.clear();

        for (String action : new String[] {PageRenderer.PDF_ACTION, PageRenderer.FHIR_ACTION}) {
            HttpResponse<String> refused = browser.post(action, Map.of("wholeHistory", "true"));
            assertThat(refused.statusCode()).as(action).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(refused.body()).contains("Nothing was changed or downloaded.");
            HttpResponse<String> forged = browser.post(action, Map.of("_csrf", "forged", "wholeHistory", "true"));
            assertThat(forged.statusCode()).as(action + " with a wrong token").isEqualTo(403);
        }
        assertThat(reads).as("a refused download reads nothing").isEmpty();

        HttpResponse<String> signOut = browser.post(PageRenderer.SIGN_OUT, Map.of());
        assertThat(signOut.statusCode()).isEqualTo(403);
        assertThat(browser.get("/my-disclosures").statusCode())
                .as("a sign-out without the token leaves the enrollee signed in")
                .isEqualTo(200);

        PageSession other = new PageSession(port);
        other.get("/sign-in");
        HttpResponse<String> signIn =
                other.post(PageRenderer.SIGN_IN, Map.of("token", TestTokens.enrollee("CA", RAW_ID)));
        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(other.get("/my-disclosures").statusCode())
                .as("a sign-in without the token signs nobody in")
                .isEqualTo(303);
    }

    @Test
    void givenAnOfficialsOrABadToken_whenSignedIn_thenRefusedWithTheSignInPageAndNotSignedIn() {
        Map<String, Integer> tokens = Map.of(
                TestTokens.auditor("CA"),
                403,
                TestTokens.recorder("CA"),
                403,
                TestTokens.admin(),
                403,
                TestTokens.expired(),
                401,
                TestTokens.forged(),
                401,
                TestTokens.wrongAudience(),
                401,
                "not-a-token",
                401,
                "",
                401);
        tokens.forEach((token, status) -> {
            PageSession browser = new PageSession(port);

            HttpResponse<String> refused = browser.signIn(token);

            assertThat(refused.statusCode()).isEqualTo(status);
            assertThat(refused.body())
                    .contains(status == 403 ? "This page shows an enrollee their own records" : "was not accepted")
                    .contains("<form method=\"post\" action=\"/sign-in\"")
                    .doesNotContain(token.isEmpty() ? "<no token>" : token);
            assertThat(browser.get("/my-disclosures").statusCode()).isEqualTo(303);
        });
        assertThat(reads).isEmpty();
    }

    @Test
    void givenASignedInEnrollee_whenTheySignOut_thenTheSessionEndsAndThePageAsksThemToSignIn() {
        PageSession browser = signedIn();
        String csrf = PageSession.csrfOf(browser.get("/my-disclosures").body());

        HttpResponse<String> signedOut = browser.post(PageRenderer.SIGN_OUT, Map.of("_csrf", csrf));

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in?signed-out"));
        assertThat(browser.get("/my-disclosures").statusCode()).isEqualTo(303);
        assertThat(browser.get("/sign-in?signed-out").body()).contains("You are signed out.");
        HttpResponse<String> stale = browser.post(PageRenderer.PDF_ACTION, Map.of("_csrf", csrf));
        assertThat(stale.statusCode()).as("the old page's forms no longer work").isEqualTo(403);
    }

    @Test
    void givenAnyPage_whenServed_thenItCarriesTheSecurityHeadersRunsNoScriptAndSendsNoCors() {
        PageSession browser = signedIn();
        String origin = "https://elsewhere.example";

        for (String path : new String[] {"/sign-in?x", "/my-disclosures"}) {
            HttpResponse<String> page = browser.get(path, "Origin", origin);
            assertThat(page.statusCode()).as(path).isEqualTo(path.startsWith("/sign-in") ? 303 : 200);
        }
        HttpResponse<String> page = browser.get("/my-disclosures", "Origin", origin);
        HttpResponse<String> signIn = new PageSession(port).get("/sign-in", "Origin", origin);
        for (HttpResponse<String> response : List.of(page, signIn)) {
            String csp =
                    response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp)
                    .contains("default-src 'none'")
                    .contains("style-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .contains("form-action 'self'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("script-src");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
            assertThat(response.body())
                    .doesNotContain("<script")
                    .doesNotContain("<style")
                    .doesNotContain(" style=")
                    .contains("<link rel=\"stylesheet\" href=\"/page.css\"/>");
        }
        HttpResponse<String> stylesheet = browser.get("/page.css");
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        HttpResponse<String> api = browser.get("/api/v1/ledger/public-key", "Origin", origin);
        assertThat(api.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        assertThat(api.headers().allValues("Set-Cookie"))
                .as("the API makes no session")
                .isEmpty();
    }

    @Test
    void givenASignIn_whenTheSessionCookieIsSet_thenItIsHttpOnlyAndSameSiteLax() {
        HttpResponse<String> signInPage = new PageSession(port).get("/sign-in");

        assertThat(signInPage.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
        PageSession browser = new PageSession(port);
        HttpResponse<String> signedIn = browser.signIn(TestTokens.enrollee("CA", RAW_ID));
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void givenAnIdentityProvider_whenTheDevelopmentSignInIsPosted_thenItDoesNotExist() {
        PageSession browser = new PageSession(port);
        String csrf = PageSession.csrfOf(browser.get("/sign-in").body());

        HttpResponse<String> response = browser.post(
                PageRenderer.DEVELOPMENT_SIGN_IN, Map.of("_csrf", csrf, "state", "CA", "medicaidId", RAW_ID));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(browser.get("/my-disclosures").statusCode()).isEqualTo(303);
    }

    private PageSession signedIn() {
        PageSession browser = new PageSession(port);
        assertThat(browser.signIn(TestTokens.enrollee("CA", RAW_ID)).statusCode())
                .isEqualTo(303);
        return browser;
    }

    /** Waits, at most 60 s, until the enrollee's history over the API shows the disclosure. */
    private void awaitTheHistory() {
        LedgerClient enrollee = new LedgerClient(port).as(TestTokens.enrollee("CA", RAW_ID));
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode page = enrollee.get("/api/v1/me/history").json();
            if (page.path("totalEntries").asLong() == 1) {
                return;
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
