package org.disclosureledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One caller who looks up histories too fast is told to wait; other callers are not held up by them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LookupRateLimitTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
        registry.add("ledger.security.lookups-per-minute", () -> "3");
    }

    @LocalServerPort
    int port;

    @Test
    void givenACallerOverTheirAllowance_whenTheyLookUpAgain_thenA429ProblemAndOthersStillGetAnswers() {
        LedgerClient hasty = new LedgerClient(port).as(TestTokens.enrollee("CA", "RATE00001"));
        for (int i = 0; i < 3; i++) {
            assertThat(hasty.get("/api/v1/me/history").status()).isEqualTo(200);
        }

        LedgerClient.Response refused = hasty.get("/api/v1/me/history");
        LedgerClient.Response other = new LedgerClient(port)
                .as(TestTokens.enrollee("CA", "RATE00002"))
                .get("/api/v1/me/history");
        LedgerClient.Response proofsStillOpen = hasty.get("/api/v1/ledger/checkpoint");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:disclosure-ledger:problem:too-many-requests");
        assertThat(other.status()).as("another enrollee is not held up").isEqualTo(200);
        assertThat(proofsStillOpen.status())
                .as("only look-ups of histories are counted")
                .isNotEqualTo(429);
    }
}
