package org.disclosureledger.api.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.map;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The access-event must-show end to end: an auditor's read of a person's history shows up on that person's page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhoLookedPageTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void givenAnAuditorReadAPersonsHistory_whenThePersonOpensTheirPage_thenItSaysWhoLookedAndWhy()
            throws InterruptedException {
        LedgerClient.recorder(port).postJson("/api/v1/disclosures", Examples.disclosure("looked-1", "LOOKED0001"));
        LedgerClient.Response read = new LedgerClient(port)
                .as(TestTokens.auditor("CA"))
                .postJson(
                        "/api/v1/history",
                        map("state", "CA", "medicaidId", "LOOKED0001", "purpose", "Fraud referral 2025-77"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        PageSession enrollee = new PageSession(port);
        assertThat(enrollee.signIn(TestTokens.enrollee("CA", "LOOKED0001")).statusCode())
                .isIn(200, 303);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        HttpResponse<String> page = enrollee.get("/my-disclosures");
        while (!page.body().contains("Fraud referral 2025-77") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            page = enrollee.get("/my-disclosures");
        }

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Who looked at your history")
                .contains("auditor-ca@example.gov")
                .contains("Fraud referral 2025-77")
                .doesNotContain("LOOKED0001");
    }
}
