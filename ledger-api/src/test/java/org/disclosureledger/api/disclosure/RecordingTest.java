package org.disclosureledger.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.bulkDisclosure;
import static org.disclosureledger.api.Examples.disclosure;
import static org.disclosureledger.api.Examples.map;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.merkle.MerkleFrontier;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The recording API's successful paths, end to end on the real event store, including idempotent retries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingTest {

    private static final String NDJSON = "application/x-ndjson";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerClient client;

    @BeforeEach
    void client() {
        client = LedgerClient.recorder(port);
    }

    @Test
    void aDisclosureIsRecordedOnceAndAnIdenticalRetryReturnsTheOriginalResult() {
        Map<String, Object> body = disclosure("rec-1", "REC0001", "REC0002");

        LedgerClient.Response first = client.postJson("/api/v1/disclosures", body);
        LedgerClient.Response retry = client.postJson("/api/v1/disclosures", body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("subjectCount").asInt()).isEqualTo(2);
        assertThat(first.json().path("retry").asBoolean()).isFalse();
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().path("retry").asBoolean()).isTrue();
        assertThat(retry.json().path("recordedAt").asString())
                .isEqualTo(first.json().path("recordedAt").asString());
        assertThat(eventTypes("rec-1")).containsExactly("DisclosureRecorded");
    }

    @Test
    void theStoredEventCarriesPseudonymsInTheGivenOrder() {
        client.postJson("/api/v1/disclosures", disclosure("rec-2", "REC0003", "rec-0004"));

        String payload = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry"
                        + " where aggregate_identifier = 'rec-2'",
                String.class);

        Pseudonymiser pseudonyms = TestLedger.pseudonymiser();
        String first = pseudonyms.pseudonymise(new StateCode("CA"), "REC0003").value();
        String second = pseudonyms.pseudonymise(new StateCode("CA"), "REC0004").value();
        assertThat(payload).containsSubsequence(first, second).doesNotContain("REC0003", "REC0004", "rec-0004");
    }

    @Test
    void aBulkDisclosureIsOpenedFilledChunkByChunkAndSealedWithItsManifestRoot() {
        assertThat(client.postJson("/api/v1/bulk-disclosures", bulkDisclosure("bulk-1"))
                        .status())
                .isEqualTo(201);

        LedgerClient.Response chunk1 = chunk("bulk-1", 1, "BULK0001", "BULK0002", "BULK0003");
        LedgerClient.Response chunk1Again = chunk("bulk-1", 1, "BULK0001", "BULK0002", "BULK0003");
        LedgerClient.Response chunk2 = chunk("bulk-1", 2, "BULK0004", "BULK0005");
        JsonNode open = client.get("/api/v1/disclosures/bulk-1").json();
        LedgerClient.Response sealed = client.postJson("/api/v1/bulk-disclosures/bulk-1/seal", map("subjectCount", 5));

        assertThat(chunk1.json().path("subjectsAttached").asLong()).isEqualTo(3);
        assertThat(chunk1Again.json().path("retry").asBoolean()).isTrue();
        assertThat(chunk2.json().path("subjectsAttached").asLong()).isEqualTo(5);
        assertThat(open.path("status").asString()).isEqualTo("OPEN");
        assertThat(open.path("subjectCount").asLong()).isEqualTo(5);
        assertThat(open.path("chunkCount").asInt()).isEqualTo(2);
        assertThat(sealed.status()).as(sealed.body()).isEqualTo(200);
        assertThat(sealed.json().path("manifestRoot").asString())
                .isEqualTo(expectedRoot("BULK0001", "BULK0002", "BULK0003", "BULK0004", "BULK0005"));
        assertThat(eventTypes("bulk-1"))
                .containsExactly(
                        "BulkDisclosureOpened", "BulkSubjectsAttached", "BulkSubjectsAttached", "BulkDisclosureSealed");
    }

    @Test
    void anInstantFinerThanAMicrosecondIsKeptToTheMicrosecondNotRoundedIntoTheNextDay() {
        Map<String, Object> body = disclosure("rec-nanos", "REC0010");
        body.put("occurredAt", "2019-06-30T23:59:59.9999996Z");

        assertThat(client.postJson("/api/v1/disclosures", body).status()).isEqualTo(201);

        assertThat(client.get("/api/v1/disclosures/rec-nanos")
                        .json()
                        .at("/details/occurredAt")
                        .asString())
                .isEqualTo("2019-06-30T23:59:59.999999Z");
    }

    @Test
    void aRequesterRecordedByMistakeIsRemovedByCorrectingItToNull() {
        assertThat(client.postJson("/api/v1/disclosures", disclosure("rec-clear", "REC0009"))
                        .status())
                .isEqualTo(201);
        assertThat(client.get("/api/v1/disclosures/rec-clear")
                        .json()
                        .at("/details/requester")
                        .asString())
                .isEqualTo("Office of the Director, ICE");

        LedgerClient.Response corrected = client.send(
                "POST",
                "/api/v1/disclosures/rec-clear/corrections",
                "application/json",
                ("{\"correctionId\":\"c1\",\"reason\":\"Nobody asked for the data\","
                                + "\"corrections\":{\"requester\":null}}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        JsonNode details = client.get("/api/v1/disclosures/rec-clear").json().path("details");
        assertThat(details.path("requester").isMissingNode()
                        || details.path("requester").isNull())
                .as(details.toString())
                .isTrue();
        assertThat(details.at("/recipient/agencyId").asString()).isNotBlank();
    }

    @Test
    void eachFollowOnIsRecordedOnceAndShowsInTheDisclosuresStatus() {
        Map<String, Object> body = disclosure("rec-3", "REC0005");
        body.put("suspension", map("until", "2099-01-01", "authority", "Law enforcement request of 2025-06-01"));
        client.postJson("/api/v1/disclosures", body);

        Map<String, Object> correction = map(
                "correctionId",
                "c1",
                "reason",
                "The purpose was misstated",
                "corrections",
                map("purpose", map("code", "OVERSIGHT", "text", "Program integrity review")));
        assertThat(client.postJson("/api/v1/disclosures/rec-3/corrections", correction)
                        .status())
                .isEqualTo(201);
        assertThat(client.postJson("/api/v1/disclosures/rec-3/corrections", correction)
                        .status())
                .isEqualTo(200);
        LedgerClient subject = client.as(TestTokens.enrollee("CA", "REC0005"));
        Map<String, Object> dispute = map("disputeId", "d1", "statement", "I never consented to this");
        LedgerClient.Response whileWithheld = subject.postJson("/api/v1/me/disclosures/rec-3/disputes", dispute);
        assertThat(whileWithheld.status()).as(whileWithheld.body()).isEqualTo(409);
        assertThat(whileWithheld.json().path("type").asString())
                .isEqualTo("urn:disclosure-ledger:problem:disclosure-withheld");
        assertThat(client.postJson(
                                "/api/v1/disclosures/rec-3/destruction-requests",
                                map(
                                        "requestId",
                                        "r1",
                                        "requestedBy",
                                        "Attorney General of California",
                                        "authority",
                                        "Order of 2025-08-12",
                                        "dueBy",
                                        "2025-09-30"))
                        .status())
                .isEqualTo(201);
        assertThat(client.postJson(
                                "/api/v1/disclosures/rec-3/destruction-certifications",
                                map(
                                        "certificationId",
                                        "k1",
                                        "requestId",
                                        "r1",
                                        "certifiedBy",
                                        "ICE Records Officer",
                                        "destroyedAt",
                                        "2025-09-01T12:00:00Z",
                                        "method",
                                        "NIST SP 800-88 purge"))
                        .status())
                .isEqualTo(201);
        assertThat(client.postJson(
                                "/api/v1/disclosures/rec-3/suspension-lifts",
                                map(
                                        "liftId",
                                        "l1",
                                        "authority",
                                        "Request withdrawn",
                                        "reason",
                                        "The investigation closed"))
                        .status())
                .isEqualTo(201);
        assertThat(subject.postJson("/api/v1/me/disclosures/rec-3/disputes", dispute)
                        .status())
                .as("once the hold is lifted, the subject disputes it")
                .isEqualTo(201);

        JsonNode status = client.get("/api/v1/disclosures/rec-3").json();
        assertThat(status.path("details").path("purpose").path("code").asString())
                .isEqualTo("OVERSIGHT");
        assertThat(status.path("suspensionLifted").asBoolean()).isTrue();
        assertThat(eventTypes("rec-3"))
                .containsExactly(
                        "DisclosureRecorded",
                        "DisclosureCorrected",
                        "DestructionRequested",
                        "DestructionCertified",
                        "SuspensionLifted",
                        "DisclosureDisputed");
    }

    @Test
    void anUnknownDisclosureHasNoStatus() {
        LedgerClient.Response response = client.get("/api/v1/disclosures/never-recorded");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private List<String> eventTypes(String disclosureId) {
        return jdbc.queryForList(
                "select payload_type from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number",
                String.class,
                disclosureId);
    }

    private LedgerClient.Response chunk(String id, int number, String... medicaidIds) {
        StringBuilder lines = new StringBuilder();
        for (String medicaidId : medicaidIds) {
            lines.append("{\"state\":\"CA\",\"medicaidId\":\"")
                    .append(medicaidId)
                    .append("\"}\n");
        }
        return client.send(
                "PUT",
                "/api/v1/bulk-disclosures/" + id + "/chunks/" + number,
                NDJSON,
                lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String expectedRoot(String... medicaidIds) {
        Pseudonymiser pseudonyms = TestLedger.pseudonymiser();
        List<byte[]> leaves = java.util.Arrays.stream(medicaidIds)
                .map(id -> pseudonyms.pseudonymise(new StateCode("CA"), id).bytes())
                .toList();
        return MerkleFrontier.empty().append(leaves).rootHash();
    }
}
