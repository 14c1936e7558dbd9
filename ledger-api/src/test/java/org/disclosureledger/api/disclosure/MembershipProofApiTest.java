package org.disclosureledger.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.ProofVerifier;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A subject's proof of membership in a sealed bulk manifest, through the API: checked with ledger-core's verifier
 * against the root the seal returned, and every kind of refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipProofApiTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final int SUBJECTS = 2_500;
    private static final int CHUNK = 1_000;

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    LedgerClient client;
    String sealedRoot;

    @BeforeAll
    void recordASealedAndAnOpenBulkDisclosure() {
        client = LedgerClient.recorder(port);
        expect(201, client.postJson("/api/v1/bulk-disclosures", Examples.bulkDisclosure("proof-bulk")));
        for (int chunk = 0; chunk * CHUNK < SUBJECTS; chunk++) {
            StringBuilder lines = new StringBuilder();
            for (int i = chunk * CHUNK; i < Math.min(SUBJECTS, (chunk + 1) * CHUNK); i++) {
                lines.append("{\"state\":\"CA\",\"medicaidId\":\"")
                        .append(medicaidId(i))
                        .append("\"}\n");
            }
            expect(
                    200,
                    client.send(
                            "PUT",
                            "/api/v1/bulk-disclosures/proof-bulk/chunks/" + (chunk + 1),
                            NDJSON,
                            lines.toString().getBytes(StandardCharsets.UTF_8)));
        }
        LedgerClient.Response seal =
                client.postJson("/api/v1/bulk-disclosures/proof-bulk/seal", Map.of("subjectCount", SUBJECTS));
        expect(200, seal);
        sealedRoot = seal.json().path("manifestRoot").asString();

        expect(201, client.postJson("/api/v1/bulk-disclosures", Examples.bulkDisclosure("proof-open")));
        expect(
                200,
                client.send(
                        "PUT",
                        "/api/v1/bulk-disclosures/proof-open/chunks/1",
                        NDJSON,
                        "{\"state\":\"CA\",\"medicaidId\":\"PROOFOPEN1\"}\n".getBytes(StandardCharsets.UTF_8)));
        await(() -> proofFor("proof-bulk", medicaidId(SUBJECTS - 1)).status() == 200);
    }

    @Test
    void eachSubjectsProofVerifiesAgainstTheRootTheSealReturned() {
        for (int index : List.of(0, 1, 1023, 1024, 1500, SUBJECTS - 1)) {
            LedgerClient.Response response = proofFor("proof-bulk", medicaidId(index));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode proof = response.json();
            assertThat(proof.path("leafIndex").asLong()).isEqualTo(index);
            assertThat(proof.path("treeSize").asLong()).isEqualTo(SUBJECTS);
            assertThat(proof.path("manifestRoot").asString()).isEqualTo(sealedRoot);
            byte[] pseudonym = TestLedger.pseudonymiser()
                    .pseudonymise(new StateCode("CA"), medicaidId(index))
                    .bytes();
            assertThat(proof.path("leafHash").asString())
                    .isEqualTo(MerkleTree.leafHash(pseudonym).hex());
            ProofVerifier.verifyInclusion(
                    MerkleTree.leafHash(pseudonym),
                    index,
                    SUBJECTS,
                    proof.path("inclusionProof")
                            .valueStream()
                            .map(node -> Sha256Hash.fromHex(node.asString()))
                            .toList(),
                    Sha256Hash.fromHex(sealedRoot));
        }
    }

    @Test
    void aPersonNotInTheManifestGetsA404Problem() {
        expectProblem(proofFor("proof-bulk", "NOTLISTED1"), 404, "not-in-manifest");
    }

    @Test
    void onlyAPersonInTheSealedManifestCanDisputeABulkDisclosure() {
        Map<String, String> dispute = Map.of("disputeId", "not-me", "statement", "I never consented to this");

        LedgerClient.Response stranger = client.as(TestTokens.enrollee("CA", "NOTLISTED2"))
                .postJson("/api/v1/me/disclosures/proof-bulk/disputes", dispute);
        LedgerClient.Response member = client.as(TestTokens.enrollee("CA", medicaidId(7)))
                .postJson("/api/v1/me/disclosures/proof-bulk/disputes", dispute);

        expectProblem(stranger, 422, "not-a-subject");
        expect(201, member);
    }

    @Test
    void anUnknownBulkDisclosureGetsA404Problem() {
        expectProblem(proofFor("never-recorded", medicaidId(0)), 404, "unknown-disclosure");
    }

    @Test
    void anOpenBulkDisclosureGetsA409ProblemBeforeSealing() {
        expectProblem(proofFor("proof-open", "PROOFOPEN1"), 409, "not-sealed");
    }

    @Test
    void onlyTheEnrolleeThemselvesCanAskNobodyCanNameAPerson() {
        String path = "/api/v1/me/bulk-disclosures/proof-bulk/membership-proof";

        expectProblem(client.get(path), 403, "forbidden");
        expectProblem(client.as(TestTokens.auditor("CA")).get(path), 403, "forbidden");
        expectProblem(new LedgerClient(port).get(path), 401, "unauthenticated");
        assertThat(client.postJson(
                                "/api/v1/bulk-disclosures/proof-bulk/membership-proof",
                                Map.of("state", "CA", "medicaidId", medicaidId(0)))
                        .status())
                .as("the old route that took a person's identifier is gone")
                .isIn(403, 404);
    }

    private LedgerClient.Response proofFor(String disclosureId, String medicaidId) {
        return client.as(TestTokens.enrollee("CA", medicaidId))
                .get("/api/v1/me/bulk-disclosures/" + disclosureId + "/membership-proof");
    }

    private static String medicaidId(int i) {
        return "PROOF" + i;
    }

    private static void expect(int status, LedgerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    private static void expectProblem(LedgerClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("urn:disclosure-ledger:problem:" + type);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition met within 60 s").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
