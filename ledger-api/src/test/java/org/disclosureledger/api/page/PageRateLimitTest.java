package org.disclosureledger.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Loading the page reads the enrollee's whole history and records the read on the ledger, so it counts against the
 * look-up allowance as the API's reads do: a signed-in session reloading it in a loop is told to wait.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageRateLimitTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
        registry.add("ledger.security.lookups-per-minute", () -> "3");
    }

    @LocalServerPort
    int port;

    @Test
    void givenASignedInSession_whenThePageIsLoadedMoreOftenThanAllowed_thenA429() {
        PageSession browser = new PageSession(port);
        browser.signIn(TestTokens.enrollee("CA", "PAGERATE1"));
        for (String path : new String[] {"/", PageRenderer.MY_DISCLOSURES, "/"}) {
            assertThat(browser.get(path).statusCode()).as(path).isEqualTo(200);
        }

        HttpResponse<String> refused = browser.get(PageRenderer.MY_DISCLOSURES);
        HttpResponse<String> stylesheet = browser.get(PageRenderer.STYLESHEET);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(stylesheet.statusCode())
                .as("only reads of the history are counted")
                .isEqualTo(200);
    }
}
