package org.disclosureledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.disclosure;
import static org.disclosureledger.api.Examples.map;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Raw enrollee identifiers and bearer tokens never reach a log line, a stored event, an error body or a metric label.
 * The application runs with debug logging for the web layer, security and Axon, the noisiest setting an operator is
 * likely to turn on, while good and bad requests carrying distinctive identifiers and tokens go through; then the
 * captured output, every stored payload and metadata, the answers and every metric's tags are searched.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "logging.level.org.springframework.web=DEBUG",
            "logging.level.org.axonframework=DEBUG",
            "logging.level.org.disclosureledger=DEBUG",
            "logging.level.org.springframework.security=DEBUG"
        })
@ExtendWith(OutputCaptureExtension.class)
class PrivacyTest {

    private static final List<String> RAW_IDS = List.of(
            "QXPRIV71942", "QXPRIV71943", "QXPRIV71944", "QXPRIV71945", "QXPRIV71946", "QXPRIV71947", "QXPRIV71948");
    private static final String RAW_SSN = "987-65-4329";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rawIdentifiersAppearInNoLogLineAndNoStoredEvent(CapturedOutput output) {
        LedgerClient client = LedgerClient.recorder(port);
        Map<String, Object> body = disclosure("privacy-1", RAW_IDS.get(0), RAW_IDS.get(1));
        ((List<Map<String, Object>>) body.get("subjects")).get(0).put("ssn", RAW_SSN);
        assertThat(client.postJson("/api/v1/disclosures", body).status()).isEqualTo(201);
        client.postJson("/api/v1/disclosures", body);
        Map<String, Object> invalid = disclosure("privacy-2", RAW_IDS.get(2), RAW_IDS.get(2));
        assertThat(client.postJson("/api/v1/disclosures", invalid).status()).isEqualTo(422);
        Map<String, Object> badState = disclosure("privacy-3", RAW_IDS.get(3));
        ((List<Map<String, Object>>) badState.get("subjects")).get(0).put("state", "XX");
        assertThat(client.postJson("/api/v1/disclosures", badState).status()).isEqualTo(422);
        assertThat(client.as(TestTokens.enrollee("CA", RAW_IDS.get(0)))
                        .postJson(
                                "/api/v1/me/disclosures/privacy-1/disputes",
                                map("disputeId", "d1", "statement", "Not me"))
                        .status())
                .isEqualTo(201);
        assertThat(client.postJson("/api/v1/bulk-disclosures", Examples.bulkDisclosure("privacy-bulk"))
                        .status())
                .isEqualTo(201);
        assertThat(client.send(
                                "PUT",
                                "/api/v1/bulk-disclosures/privacy-bulk/chunks/1",
                                "application/x-ndjson",
                                ("{\"state\":\"CA\",\"medicaidId\":\"" + RAW_IDS.get(4)
                                                + "\"}\n{\"state\":\"CA\",\"medicaidId\":\"" + RAW_IDS.get(4)
                                                + "!\"}\n")
                                        .getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(422);
        // The same chunk as CSV: refused for a quote left open on its second subject, and for its columns swapped
        // (the Medicaid id, or the SSN, where the state belongs), then sent as it should be.
        List<String> refusedCsv = List.of(
                "state,medicaidId,ssn\nCA," + RAW_IDS.get(5) + "," + RAW_SSN + "\nCA,\"" + RAW_IDS.get(6) + "\n",
                RAW_IDS.get(5) + ",CA," + RAW_SSN + "\n",
                RAW_SSN + "," + RAW_IDS.get(5) + ",CA\n");
        for (String csv : refusedCsv) {
            LedgerClient.Response refused = client.send(
                    "PUT",
                    "/api/v1/bulk-disclosures/privacy-bulk/chunks/1",
                    "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.body()).doesNotContain("QXPRIV", "987-65", "98765432");
        }
        assertThat(client.send(
                                "PUT",
                                "/api/v1/bulk-disclosures/privacy-bulk/chunks/1",
                                "text/csv",
                                ("CA," + RAW_IDS.get(5) + "," + RAW_SSN + "\n").getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);

        String stored = String.join(
                "\n",
                jdbc.queryForList(
                        "select convert_from(payload, 'UTF8') || ' '"
                                + " || coalesce(convert_from(meta_data, 'UTF8'), '') from domain_event_entry",
                        String.class));
        String expectedRef = TestLedger.pseudonymiser()
                .pseudonymise(new StateCode("CA"), RAW_IDS.get(0))
                .value();
        assertThat(stored).as("positive control: the pseudonym is stored").contains(expectedRef);
        assertThat(output.getAll())
                .as("positive control: requests were logged at debug level")
                .contains("privacy-1");
        for (String raw : RAW_IDS) {
            assertThat(output.getAll()).doesNotContain(raw);
            assertThat(stored).doesNotContain(raw);
        }
        assertThat(output.getAll()).doesNotContain(RAW_SSN, RAW_SSN.replace("-", ""));
        assertThat(stored).doesNotContain(RAW_SSN, RAW_SSN.replace("-", ""));
        // Nor any part of them long enough to matter (a refusal once repeated the first 8 characters of a value).
        for (String part : List.of("QXPRIV71", "987-65-4", "98765432")) {
            assertThat(output.getAll()).doesNotContain(part);
            assertThat(stored).doesNotContain(part);
        }
    }

    @Test
    void tokensAndIdentifiersOfEveryCallerAppearInNoLogLineErrorBodyOrMetricLabel(CapturedOutput output) {
        String raw = "QXPRIV80017";
        String enrolleeToken = TestTokens.enrollee("CA", raw);
        String badEnrolleeToken = TestTokens.token(
                "someone", Map.of("roles", List.of("enrollee"), "medicaid_state", "CA", "medicaid_id", "QX!PRIV80018"));
        String auditorToken = TestTokens.auditor("CA");
        List<String> secrets = List.of(
                raw,
                "QX!PRIV80018",
                enrolleeToken,
                enrolleeToken.split("\\.")[1],
                badEnrolleeToken.split("\\.")[1],
                auditorToken,
                TestTokens.forged(),
                TestTokens.expired());
        LedgerClient recorder = LedgerClient.recorder(port);
        LedgerClient enrollee = recorder.as(enrolleeToken);
        LedgerClient auditor = recorder.as(auditorToken);
        assertThat(recorder.postJson("/api/v1/disclosures", disclosure("privacy-tokens", raw))
                        .status())
                .isEqualTo(201);

        List<LedgerClient.Response> answers = List.of(
                enrollee.get("/api/v1/me/history"),
                enrollee.get("/api/v1/me/history/fhir"),
                enrollee.get("/api/v1/me/bulk-disclosures/never-recorded/membership-proof"),
                enrollee.postJson(
                        "/api/v1/me/disclosures/privacy-tokens/disputes", map("disputeId", "d9", "statement", "No")),
                recorder.as(badEnrolleeToken).get("/api/v1/me/history"),
                auditor.postJson("/api/v1/history", map("state", "CA", "medicaidId", raw, "purpose", "Audit 12")),
                auditor.postJson("/api/v1/history", map("state", "NY", "medicaidId", raw, "purpose", "Audit 12")),
                auditor.postJson("/api/v1/history", map("state", "CA", "medicaidId", "QX!PRIV80018")),
                recorder.as(TestTokens.forged()).get("/api/v1/agencies"),
                recorder.as(TestTokens.expired()).get("/api/v1/agencies"),
                recorder.as(enrolleeToken).postJson("/api/v1/disclosures", disclosure("privacy-x", raw)));
        LedgerClient admin = recorder.as(TestTokens.admin());
        StringBuilder metrics = new StringBuilder();
        for (var name : admin.get("/actuator/metrics").json().path("names")) {
            metrics.append(admin.get("/actuator/metrics/" + name.asString()).body());
        }

        assertThat(answers).extracting(LedgerClient.Response::status).contains(200, 401, 403, 422);
        assertThat(output.getAll())
                .as("positive control: security decisions were logged at debug level")
                .containsIgnoringCase("bearer");
        assertThat(metrics.toString()).as("positive control: metrics were read").contains("http.server.requests");
        for (String secret : secrets) {
            assertThat(output.getAll()).as("the log").doesNotContain(secret);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain(secret));
            assertThat(metrics.toString()).as("metric names and tags").doesNotContain(secret);
        }
    }
}
