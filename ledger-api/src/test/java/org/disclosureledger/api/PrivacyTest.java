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
 * Raw enrollee identifiers never reach a log line or a stored event. The application runs with debug logging for
 * the web layer and Axon, the noisiest setting an operator is likely to turn on, while good and bad requests carrying
 * distinctive identifiers go through; then the captured output and every stored payload and metadata are searched.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "logging.level.org.springframework.web=DEBUG",
            "logging.level.org.axonframework=DEBUG",
            "logging.level.org.disclosureledger=DEBUG"
        })
@ExtendWith(OutputCaptureExtension.class)
class PrivacyTest {

    private static final List<String> RAW_IDS =
            List.of("QXPRIV71942", "QXPRIV71943", "QXPRIV71944", "QXPRIV71945", "QXPRIV71946");
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
    }
}
