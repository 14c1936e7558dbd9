package org.disclosureledger.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.map;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
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

/**
 * An enrollee looks up their own history with their state and Medicaid id in the body: they see each disclosure of
 * their data with the ledger index that proves it, withheld entries only as withheld, and nobody else's entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryApiTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anEnrolleeSeesTheirOwnDisclosuresWithLedgerIndexesAndWithheldEntriesOnlyAsWithheld() {
        LedgerClient client = LedgerClient.recorder(port);
        client.postJson("/api/v1/disclosures", Examples.disclosure("hist-1", "HIST0001", "HIST0002"));
        Map<String, Object> suspended = Examples.disclosure("hist-2", "HIST0001");
        suspended.put("suspension", map("until", "2099-01-01", "authority", "Court order 25-77"));
        client.postJson("/api/v1/disclosures", suspended);
        client.postJson("/api/v1/bulk-disclosures", Examples.bulkDisclosure("hist-bulk"));
        client.send(
                "PUT",
                "/api/v1/bulk-disclosures/hist-bulk/chunks/1",
                "application/x-ndjson",
                "{\"state\":\"CA\",\"medicaidId\":\"HIST0003\"}\n{\"state\":\"CA\",\"medicaidId\":\"HIST0001\"}\n"
                        .getBytes(StandardCharsets.UTF_8));
        client.postJson("/api/v1/bulk-disclosures/hist-bulk/seal", map("subjectCount", 2));

        await(() -> history(client, "HIST0001")
                        .path("entries")
                        .valueStream()
                        .filter(e -> e.has("ledgerIndex"))
                        .count()
                == 2);
        JsonNode page = history(client, "HIST0001");

        assertThat(page.path("totalEntries").asLong()).isEqualTo(3);
        JsonNode withheld = page.path("entries").get(0);
        assertThat(withheld.path("withheld").asBoolean()).isTrue();
        assertThat(withheld.path("withheldUnder").asString()).isEqualTo("Court order 25-77");
        assertThat(withheld.has("disclosureId"))
                .as("a withheld entry says nothing else")
                .isFalse();
        assertThat(page.path("entries")
                        .valueStream()
                        .filter(e -> !e.path("withheld").asBoolean()))
                .extracting(e -> e.path("disclosureId").asString())
                .containsExactlyInAnyOrder("hist-1", "hist-bulk");
        JsonNode bulk = page.path("entries")
                .valueStream()
                .filter(e -> e.path("disclosureId").asString().equals("hist-bulk"))
                .findFirst()
                .orElseThrow();
        assertThat(bulk.path("manifestIndex").asLong()).isEqualTo(1);
        assertThat(bulk.path("details").path("recipient").path("agencyId").asString())
                .isEqualTo("us-dhs-ice");
        assertThat(history(client, "HIST0002").path("totalEntries").asLong()).isEqualTo(1);
        assertThat(history(client, "NOBODY0000").path("totalEntries").asLong()).isZero();
    }

    @Test
    void anOfficialsLookUpWithABadIdentifierIsRefusedWithoutRepeatingIt() {
        LedgerClient.Response response = LedgerClient.recorder(port)
                .as(TestTokens.auditor("CA"))
                .postJson(
                        "/api/v1/history",
                        map("state", "CA", "medicaidId", "SECRET$99", "purpose", "Complaint 2026-114"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("medicaidId").doesNotContain("SECRET");
    }

    @Test
    void anAuditorLooksUpAPersonOfTheirStateWithAStatedPurposeOnly() {
        LedgerClient recorder = LedgerClient.recorder(port);
        recorder.postJson("/api/v1/disclosures", Examples.disclosure("hist-audit", "HISTAUDIT1"));
        LedgerClient auditor = recorder.as(TestTokens.auditor("CA"));

        await(() -> auditor.postJson(
                                "/api/v1/history",
                                map("state", "CA", "medicaidId", "HISTAUDIT1", "purpose", "Complaint 2026-114"))
                        .json()
                        .path("totalEntries")
                        .asLong()
                == 1);
        LedgerClient.Response noPurpose =
                auditor.postJson("/api/v1/history", map("state", "CA", "medicaidId", "HISTAUDIT1"));
        LedgerClient.Response otherState = recorder.as(TestTokens.auditor("NY"))
                .postJson(
                        "/api/v1/history",
                        map("state", "CA", "medicaidId", "HISTAUDIT1", "purpose", "Complaint 2026-114"));

        assertThat(noPurpose.status()).as(noPurpose.body()).isEqualTo(422);
        assertThat(noPurpose.body()).contains("purpose");
        assertThat(otherState.status()).as(otherState.body()).isEqualTo(403);
        assertThat(otherState.body()).contains("does not cover CA").doesNotContain("HISTAUDIT1");
    }

    private static JsonNode history(LedgerClient client, String medicaidId) {
        LedgerClient.Response response =
                client.as(TestTokens.enrollee("CA", medicaidId)).get("/api/v1/me/history");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition met within 30 s").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
