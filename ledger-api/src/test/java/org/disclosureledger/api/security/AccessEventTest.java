package org.disclosureledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.map;

import java.time.Duration;
import java.time.Instant;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Looking at a person's history is itself on the ledger: an auditor's read appears in the person's "who looked at my
 * history", with who, the role, what and the stated purpose, and as a ledger entry like any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessEventTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenAnAuditorReadsAPersonsHistory_whenThePersonAsksWhoLooked_thenTheReadIsThereWithItsPurpose()
            throws InterruptedException {
        LedgerClient.recorder(port).postJson("/api/v1/disclosures", Examples.disclosure("access-1", "ACCESS0001"));
        LedgerClient auditor = new LedgerClient(port).as(TestTokens.auditor("CA"));
        LedgerClient enrollee = new LedgerClient(port).as(TestTokens.enrollee("CA", "ACCESS0001"));
        LedgerClient someoneElse = new LedgerClient(port).as(TestTokens.enrollee("CA", "ACCESS0002"));

        LedgerClient.Response read = auditor.postJson(
                "/api/v1/history",
                map("state", "CA", "medicaidId", "ACCESS0001", "purpose", "Complaint 2025-118 from the enrollee"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode accesses = awaitAccesses(enrollee, 1);

        JsonNode look = accesses.get(0);
        assertThat(look.path("readerSubject").asString()).isEqualTo("auditor-ca@example.gov");
        assertThat(look.path("role").asString()).isEqualTo("AUDITOR");
        assertThat(look.path("record").asString()).isEqualTo("HISTORY");
        assertThat(look.path("purpose").asString()).isEqualTo("Complaint 2025-118 from the enrollee");
        assertThat(someoneElse.get("/api/v1/me/history/accesses").json())
                .as("another person's list does not show it")
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type = 'HistoryAccessed'", Long.class))
                .as("the read is an event of the ledger")
                .isEqualTo(1);

        enrollee.get("/api/v1/me/history");
        JsonNode both = awaitAccesses(enrollee, 2);
        assertThat(both.get(0).path("readerSubject").asString())
                .as("their own read, newest first, under no name of theirs")
                .isEqualTo("the enrollee");
    }

    @Test
    void givenAnOfficialsReadIsRefused_thenNothingIsRecorded() {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        LedgerClient.Response refused = new LedgerClient(port)
                .as(TestTokens.auditor("NY"))
                .postJson("/api/v1/history", map("state", "CA", "medicaidId", "ACCESS0003", "purpose", "Audit"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(before);
    }

    private static JsonNode awaitAccesses(LedgerClient enrollee, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode accesses = enrollee.get("/api/v1/me/history/accesses").json();
        while (accesses.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            accesses = enrollee.get("/api/v1/me/history/accesses").json();
        }
        assertThat(accesses).as("reads recorded within 30 s").hasSize(count);
        return accesses;
    }
}
