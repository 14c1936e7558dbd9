package org.disclosureledger.api.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.map;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A state auditor's questions: which agencies received data from my state, and one agency's breakdown, as CSV too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgencySummaryApiTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anAuditorSeesTotalsPerAgencyAndABreakdownByStateAsJsonAndCsv() throws Exception {
        LedgerClient recorder = LedgerClient.recorder(port).as(TestTokens.recorder("CA", "NY"));
        LedgerClient regulator = recorder.as(TestTokens.regulator());
        LedgerClient client = recorder.as(TestTokens.auditor("CA", "NY"));
        recorder.postJson("/api/v1/disclosures", Examples.disclosure("sum-ca", "SUM0001", "SUM0002"));
        Map<String, Object> newYork = Examples.disclosure("sum-ny", "SUM0003");
        newYork.put("custodian", map("state", "NY", "agencyName", "New York State Department of Health"));
        newYork.put("dataCategories", java.util.List.of("NAME"));
        newYork.put("recordCount", 1);
        recorder.postJson("/api/v1/disclosures", newYork);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (regulator
                        .get("/api/v1/agencies")
                        .json()
                        .valueStream()
                        .mapToLong(a -> a.path("disclosures").asLong())
                        .sum()
                < 2) {
            assertThat(Instant.now()).as("summaries caught up within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }

        JsonNode california = client.get("/api/v1/agencies?state=CA").json();
        assertThat(california).hasSize(1);
        assertThat(california.get(0).path("agency").asString()).isEqualTo("us-dhs-ice");
        assertThat(california.get(0).path("disclosures").asLong()).isEqualTo(1);
        assertThat(california.get(0).path("subjects").asLong()).isEqualTo(2);
        JsonNode breakdown =
                client.get("/api/v1/agencies/us-dhs-ice/summary?state=NY").json();
        assertThat(breakdown.path("cells")).hasSize(1);
        assertThat(breakdown.path("cells").get(0).path("category").asString()).isEqualTo("NAME");
        assertThat(breakdown.path("cells").get(0).path("month").asString()).isEqualTo("2025-06");

        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/agencies/us-dhs-ice/summary?state=CA"))
                                .header("Accept", "text/csv")
                                .header("Authorization", "Bearer " + TestTokens.auditor("CA"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(1 + 4);
    }

    @Test
    void anAuditorSeesOnlyTheStatesOfTheirScope() {
        LedgerClient auditor = LedgerClient.recorder(port).as(TestTokens.auditor("CA"));

        LedgerClient.Response otherState = auditor.get("/api/v1/agencies?state=NY");
        LedgerClient.Response otherBreakdown = auditor.get("/api/v1/agencies/us-dhs-ice/summary?state=NY");
        LedgerClient.Response severalStates =
                auditor.as(TestTokens.auditor("CA", "NY")).get("/api/v1/agencies");

        assertThat(otherState.status()).as(otherState.body()).isEqualTo(403);
        assertThat(otherBreakdown.status()).as(otherBreakdown.body()).isEqualTo(403);
        assertThat(severalStates.status()).as(severalStates.body()).isEqualTo(422);
        assertThat(severalStates.body()).contains("state");
        assertThat(auditor.get("/api/v1/agencies").status())
                .as("an auditor of one state sees that state without naming it")
                .isEqualTo(200);
    }

    @Test
    void unknownFilterValuesAreRefusedNamingTheParameter() {
        LedgerClient client = LedgerClient.recorder(port).as(TestTokens.regulator());

        assertThat(client.get("/api/v1/agencies?state=ZZ").status()).isEqualTo(422);
        LedgerClient.Response badMonth = client.get("/api/v1/agencies/us-dhs-ice/summary?from=June");
        assertThat(badMonth.status()).isEqualTo(422);
        assertThat(badMonth.body()).contains("from");
        assertThat(client.get("/api/v1/agencies/us-dhs-ice/summary?category=SHOE_SIZE")
                        .status())
                .isEqualTo(422);
        assertThat(client.get("/api/v1/agencies/Not_An_Id/summary").status()).isEqualTo(422);
    }
}
