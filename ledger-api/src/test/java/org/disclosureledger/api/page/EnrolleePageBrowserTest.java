package org.disclosureledger.api.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.disclosure;
import static org.disclosureledger.api.Examples.map;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The enrollee's page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): disclosures are recorded through the API, the person-history processor catches up, and a
 * person signs in with their identity provider's token, reads what they would read, downloads it and signs out. The driver and browser paths are set explicitly, so
 * Selenium never looks for (or downloads) its own; the browser's background networking is switched off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrolleePageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String RAW_ID = "QXPAGE40721";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void recordDisclosuresAndStartTheBrowser() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install -y chromium chromium-driver (as .ci/run does)");
        recordDisclosures();
        awaitTheHistory();

        // Selenium Manager (which would download a driver) runs only when no driver path is known.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        profile = Files.createTempDirectory("enrollee-page-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-quic",
                        "--window-size=1280,2400",
                        "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopTheBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    void givenAnEnrolleesToken_whenTheySignInInTheBrowser_thenTheySeeTheirDisclosuresInPlainWordsAndCanDownloadThem()
            throws Exception {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        assertThat(browser.getTitle()).contains("Sign in");

        browser.findElement(By.id("token")).sendKeys(TestTokens.enrollee("CA", RAW_ID));
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !b.findElements(By.id("results")).isEmpty());

        saveScreenshot();
        assertThat(browser.getCurrentUrl()).endsWith("/my-disclosures").doesNotContain(RAW_ID);
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text)
                .contains("Disclosures of your data (3)")
                .contains(
                        "One disclosure of your data is withheld until January 1, 2099 under Court order 25-77. It will be"
                                + " shown in full from that date on.")
                .contains("On June 10, 2025, California Department of Health Care Services gave U.S. Immigration and"
                        + " Customs Enforcement, Enforcement and Removal Operations your name, address, Social"
                        + " Security number, immigration status for: Law enforcement: Locating individuals for"
                        + " immigration enforcement. Legal basis: 5 U.S.C. 552a(b)(7)")
                .contains("Corrected on")
                .contains("The purpose was misstated")
                .contains("Purpose: originally \"Law enforcement: Locating individuals for immigration"
                        + " enforcement\", corrected to \"Health oversight: Program integrity review\".")
                .contains("Ledger index")
                .contains("Who looked at your history")
                .contains("Nobody has looked at your history yet.")
                .doesNotContain(RAW_ID);
        assertThat(text.indexOf("withheld until"))
                .as("withheld first, then newest first")
                .isLessThan(text.indexOf("August 1, 2025"));
        assertThat(text.indexOf("August 1, 2025")).isLessThan(text.indexOf("June 10, 2025"));
        assertThat(browser.findElements(By.cssSelector("ol.entries > li"))).hasSize(3);
        assertThat(browser.findElements(By.xpath("//dt[.='Ledger index']/following-sibling::dd[1]")))
                .extracting(WebElement::getText)
                .hasSize(2)
                .allSatisfy(index -> assertThat(index).matches("\\d+ \\(.*"));
        assertThat(browser.findElement(By.cssSelector("form[action$='accounting.pdf'] button"))
                        .getCssValue("background-color"))
                .as("the stylesheet loads under the page's Content-Security-Policy")
                .isEqualTo("rgba(0, 94, 162, 1)");

        WebElement pdfForm = browser.findElement(By.cssSelector("form[action$='accounting.pdf']"));
        assertThat(pdfForm.findElement(By.tagName("button")).getText())
                .isEqualTo("Download the Accounting of Disclosures (PDF)");
        assertThat(browser.findElement(By.cssSelector("form[action$='fhir.json'] button"))
                        .getText())
                .isEqualTo("Download the FHIR export (JSON)");
        HttpResponse<byte[]> pdf = submit(pdfForm);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> fhir = submit(browser.findElement(By.cssSelector("form[action$='fhir.json']")));
        assertThat(fhir.statusCode()).isEqualTo(200);
        assertThat(new String(fhir.body(), StandardCharsets.UTF_8))
                .contains("\"AuditEvent\"")
                .doesNotContain(RAW_ID);
    }

    @Test
    void givenASignedInEnrollee_whenTheySignOut_thenTheyAreBackOnTheSignInPageAndTheirPageIsGone() {
        browser.get("http://localhost:" + port + "/sign-in");
        browser.findElement(By.id("token")).sendKeys(TestTokens.enrollee("CA", RAW_ID));
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !b.findElements(By.id("results")).isEmpty());

        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !b.findElements(By.id("notice")).isEmpty());

        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("You are signed out.");
        browser.get("http://localhost:" + port + "/my-disclosures");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        assertThat(browser.findElements(By.id("results"))).isEmpty();
    }

    private void recordDisclosures() {
        LedgerClient client = LedgerClient.recorder(port);
        post(client, "/api/v1/disclosures", disclosure("page-plain", RAW_ID));

        Map<String, Object> corrected = disclosure("page-corrected", RAW_ID);
        corrected.put("occurredAt", "2025-08-01T09:30:00Z");
        post(client, "/api/v1/disclosures", corrected);
        post(
                client,
                "/api/v1/disclosures/page-corrected/corrections",
                map(
                        "correctionId",
                        "page-c1",
                        "reason",
                        "The purpose was misstated",
                        "corrections",
                        map("purpose", map("code", "OVERSIGHT", "text", "Program integrity review"))));

        Map<String, Object> suspended = disclosure("page-suspended", RAW_ID);
        suspended.put("suspension", map("until", "2099-01-01", "authority", "Court order 25-77"));
        post(client, "/api/v1/disclosures", suspended);
    }

    private static void post(LedgerClient client, String path, Object body) {
        LedgerClient.Response response = client.postJson(path, body);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    /** Waits, at most 60 s, until the history shows all three entries, the correction and both ledger indexes. */
    private void awaitTheHistory() {
        LedgerClient client = new LedgerClient(port).as(TestTokens.enrollee("CA", RAW_ID));
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode page = client.get("/api/v1/me/history").json();
            long indexed = page.path("entries")
                    .valueStream()
                    .filter(e -> e.has("ledgerIndex"))
                    .count();
            boolean correctedShown = page.path("entries")
                    .valueStream()
                    .anyMatch(e -> !e.path("corrections").isEmpty());
            if (page.path("totalEntries").asLong() == 3 && indexed == 2 && correctedShown) {
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

    private void saveScreenshot() throws IOException {
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve("enrollee-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Submits a download form the way the browser would: its hidden fields (the CSRF token among them),
     * form-urlencoded, to its action, with the browser's session cookie.
     */
    private HttpResponse<byte[]> submit(WebElement form) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        for (WebElement input : form.findElements(By.cssSelector("input[type=hidden]"))) {
            body.add(URLEncoder.encode(input.getDomAttribute("name"), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(input.getDomAttribute("value"), StandardCharsets.UTF_8));
        }
        assertThat(form.getDomAttribute("method")).isEqualTo("post");
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + form.getDomAttribute("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Cookie",
                        "JSESSIONID="
                                + browser.manage().getCookieNamed("JSESSIONID").getValue())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
