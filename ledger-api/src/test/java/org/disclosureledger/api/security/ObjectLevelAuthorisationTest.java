package org.disclosureledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.map;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Callers who reach an endpoint but ask about someone else's objects: an enrollee after another person's entries, an
 * auditor after another state's disclosures and people, recorders after histories or another state's disclosures. Each
 * refusal is a problem and writes nothing: no event, no access record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectLevelAuthorisationTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerClient recorders;
    long otherPersonsEntry;
    long newYorkEntry;

    @BeforeAll
    void recordACaliforniaAndANewYorkDisclosure() {
        recorders = new LedgerClient(port).as(TestTokens.recorder("CA", "NY"));
        expect(201, recorders.postJson("/api/v1/disclosures", Examples.disclosure("obj-ca", "OBJOTHER1")));
        Map<String, Object> newYork = Examples.disclosure("obj-ny", "OBJNY0001");
        newYork.put("custodian", map("state", "NY", "agencyName", "New York State Department of Health"));
        expect(201, recorders.postJson("/api/v1/disclosures", newYork));
        otherPersonsEntry = await(() -> entryOf("obj-ca"));
        newYorkEntry = await(() -> entryOf("obj-ny"));
    }

    @Test
    void anEnrolleeCannotReachAnotherPersonsRecordsByAnyRoute() {
        LedgerClient enrollee = new LedgerClient(port).as(TestTokens.enrollee("CA", "OBJSELF01"));

        refused(403, () -> enrollee.get("/api/v1/ledger/entries/" + otherPersonsEntry));
        refused(
                403,
                () -> enrollee.postJson(
                        "/api/v1/history", map("state", "CA", "medicaidId", "OBJOTHER1", "purpose", "curious")));
        refused(
                403,
                () -> enrollee.postJson(
                        "/api/v1/history/fhir", map("state", "CA", "medicaidId", "OBJOTHER1", "purpose", "curious")));
        refused(403, () -> enrollee.get("/api/v1/disclosures/obj-ca"));
        refused(
                422,
                () -> enrollee.postJson(
                        "/api/v1/me/disclosures/obj-ca/disputes",
                        map("disputeId", "d1", "statement", "Disputing in someone else's name")));
        LedgerClient owner = new LedgerClient(port).as(TestTokens.enrollee("CA", "OBJOTHER1"));
        assertThat(owner.get("/api/v1/ledger/entries/" + otherPersonsEntry).status())
                .as("the person the entry names reads it")
                .isEqualTo(200);
    }

    @Test
    void anEnrolleeCannotReadTheEntryOfADisclosureWithheldFromThemAndIsNotToldWhy() {
        Map<String, Object> suspended = Examples.disclosure("obj-held", "OBJHELD01");
        suspended.put("suspension", map("until", "2099-01-01", "authority", "Court order 25-77"));
        expect(201, recorders.postJson("/api/v1/disclosures", suspended));
        long heldEntry = await(() -> entryOf("obj-held"));
        LedgerClient subject = new LedgerClient(port).as(TestTokens.enrollee("CA", "OBJHELD01"));
        LedgerClient someoneElse = new LedgerClient(port).as(TestTokens.enrollee("CA", "OBJSELF01"));

        LedgerClient.Response held = subject.get("/api/v1/ledger/entries/" + heldEntry);
        LedgerClient.Response notTheirs = someoneElse.get("/api/v1/ledger/entries/" + heldEntry);

        assertThat(held.status()).as(held.body()).isEqualTo(403);
        assertThat(held.body()).doesNotContain("OBJHELD01", "Court order");
        assertThat(held.json().path("detail").asString())
                .as("the subject's refusal reads as anyone else's, so it does not tell them they are in it")
                .isEqualTo(notTheirs.json().path("detail").asString());
        assertThat(new LedgerClient(port)
                        .as(TestTokens.regulator())
                        .get("/api/v1/ledger/entries/" + heldEntry)
                        .status())
                .as("a regulator still reads it")
                .isEqualTo(200);
    }

    @Test
    void anAuditorCannotReachAnotherStatesDisclosuresPeopleOrSummaries() {
        LedgerClient auditor = new LedgerClient(port).as(TestTokens.auditor("CA"));

        refused(403, () -> auditor.get("/api/v1/disclosures/obj-ny"));
        refused(403, () -> auditor.get("/api/v1/ledger/entries/" + newYorkEntry));
        refused(
                403,
                () -> auditor.postJson(
                        "/api/v1/history", map("state", "NY", "medicaidId", "OBJNY0001", "purpose", "Audit 7")));
        refused(403, () -> auditor.get("/api/v1/agencies?state=NY"));
        refused(403, () -> auditor.get("/api/v1/agencies/us-dhs-ice/summary?state=NY"));
        assertThat(auditor.get("/api/v1/disclosures/obj-ca").status())
                .as("their own state's disclosure")
                .isEqualTo(200);
    }

    @Test
    void aRecorderCannotReadAHistoryNorActForAnotherStatesCustodian() {
        LedgerClient california = new LedgerClient(port).as(TestTokens.recorder("CA"));
        LedgerClient newYork = new LedgerClient(port).as(TestTokens.recorder("NY"));

        refused(
                403,
                () -> california.postJson(
                        "/api/v1/history", map("state", "CA", "medicaidId", "OBJOTHER1", "purpose", "curious")));
        refused(403, () -> california.get("/api/v1/me/history"));
        refused(403, () -> california.get("/api/v1/agencies"));
        refused(403, () -> california.get("/api/v1/ledger/entries/" + otherPersonsEntry));
        refused(403, () -> newYork.get("/api/v1/disclosures/obj-ca"));
        refused(
                403,
                () -> newYork.postJson(
                        "/api/v1/disclosures/obj-ca/destruction-requests",
                        map(
                                "requestId",
                                "r1",
                                "requestedBy",
                                "Someone else",
                                "authority",
                                "None",
                                "dueBy",
                                "2025-09-30")));
        refused(403, () -> newYork.postJson("/api/v1/disclosures", Examples.disclosure("obj-ca-2", "OBJOTHER2")));
        refused(403, () -> newYork.postJson("/api/v1/bulk-disclosures", Examples.bulkDisclosure("obj-ca-bulk")));
    }

    /** The request is refused with this status as a problem, and nothing is written. */
    private void refused(int status, Supplier<LedgerClient.Response> request) {
        long events = count("domain_event_entry");
        LedgerClient.Response response = request.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("OBJOTHER1", "OBJNY0001");
        assertThat(count("domain_event_entry")).as("events after the refusal").isEqualTo(events);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private Long entryOf(String disclosureId) {
        return jdbc
                .query(
                        "select l.ledger_index from ledger_entry l join domain_event_entry e"
                                + " on e.event_identifier = l.event_identifier"
                                + " where e.aggregate_identifier = ? and e.sequence_number = 0",
                        (rs, n) -> rs.getLong(1),
                        disclosureId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static long await(Supplier<Long> value) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Long found;
        while ((found = value.get()) == null) {
            assertThat(Instant.now()).as("sequenced within 30 s").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static void expect(int status, LedgerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
