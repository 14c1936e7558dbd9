package org.disclosureledger.api.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.map;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

/** A disclosure the sample rulebook flags at record time shows up as flagged in its recipient agency's summary. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgencySummaryFlagsApiTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
        // The sample rulebook, which the application judges with by default.
        registry.add("ledger.rulebook.location", () -> "");
    }

    @LocalServerPort
    int port;

    @Test
    void givenDisclosureFlaggedBySampleRulebook_whenSummarised_thenItsAgencyShowsItFlagged() throws Exception {
        LedgerClient recorder = LedgerClient.recorder(port).as(TestTokens.recorder("CA"));
        LedgerClient auditor = recorder.as(TestTokens.auditor("CA"));
        // For law enforcement, not a purpose of 42 CFR 431.302, and a file of SSNs to ICE before the modelled
        // agreement's access window: two findings of concern.
        assertThat(recorder.postJson("/api/v1/disclosures", Examples.disclosure("flag-ca", "FLG0001", "FLG0002"))
                        .status())
                .isEqualTo(201);
        // For oversight, to an agency no agreement limits: nothing to find.
        Map<String, Object> oversight = Examples.disclosure("clean-ca", "FLG0002", "FLG0003");
        oversight.put(
                "recipient",
                map(
                        "agencyId",
                        "us-hhs-oig",
                        "name",
                        "HHS Office of Inspector General",
                        "address",
                        "330 Independence Ave SW, Washington, DC 20201"));
        oversight.put("purpose", map("code", "OVERSIGHT", "text", "Audit of the state plan"));
        assertThat(recorder.postJson("/api/v1/disclosures", oversight).status()).isEqualTo(201);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode agencies = auditor.get("/api/v1/agencies").json();
        while (agencies.size() < 2 || agencies.get(0).path("flaggedDisclosures").asLong() < 1) {
            assertThat(Instant.now()).as("summaries caught up within 30 s").isBefore(deadline);
            Thread.sleep(100);
            agencies = auditor.get("/api/v1/agencies").json();
        }

        assertThat(agencies.get(1).path("agency").asString()).isEqualTo("us-hhs-oig");
        assertThat(agencies.get(1).path("flaggedDisclosures").asLong()).isZero();
        assertThat(agencies.get(1).path("flaggedSubjects").asLong()).isZero();
        assertThat(agencies.get(1).path("mostSevereFinding").isNull()).isTrue();
        JsonNode ice = agencies.get(0);
        assertThat(List.of(
                        ice.path("agency").asString(),
                        ice.path("flaggedDisclosures").asLong(),
                        ice.path("flaggedSubjects").asLong(),
                        ice.path("mostSevereFinding").asString()))
                .containsExactly("us-dhs-ice", 1L, 2L, "CONCERN");
        JsonNode ssn = auditor.get("/api/v1/agencies/us-dhs-ice/summary?category=SSN")
                .json()
                .path("cells");
        assertThat(ssn).hasSize(1);
        assertThat(ssn.get(0).path("flaggedDisclosures").asLong()).isEqualTo(1);
        assertThat(ssn.get(0).path("mostSevereFinding").asString()).isEqualTo("CONCERN");
        String csv = new String(
                auditor.getBytes("/api/v1/agencies/us-hhs-oig/summary?category=SSN", "text/csv"),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().toList())
                .containsExactly(
                        "recipient_agency_id,recipient_name,custodian_state,purpose_code,data_category,month,"
                                + "disclosures,distinct_subjects,records,open_destruction_requests,"
                                + "certified_destructions,flagged_disclosures,most_severe_finding",
                        "us-hhs-oig,HHS Office of Inspector General,CA,OVERSIGHT,SSN,2025-06,1,2,2,0,0,0,");
    }

    @Test
    void givenOpenApiDocument_whenRead_thenTheSummarySchemasNameTheFlags() {
        JsonNode schemas = new LedgerClient(port)
                .get("/v3/api-docs")
                .json()
                .path("components")
                .path("schemas");

        assertThat(schemas.path("AgencyTotals").path("properties").propertyNames())
                .contains("flaggedDisclosures", "flaggedSubjects", "mostSevereFinding");
        assertThat(schemas.path("SummaryCell").path("properties").propertyNames())
                .contains("flaggedDisclosures", "mostSevereFinding")
                .doesNotContain("flaggedSubjects");
        assertThat(schemas.path("SummaryCell")
                        .path("properties")
                        .path("mostSevereFinding")
                        .path("enum"))
                .extracting(JsonNode::asString)
                .containsExactly("NOTICE", "CONCERN", "VIOLATION");
    }
}
