package org.disclosureledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.core.ledger.LeafEnvelope;
import org.disclosureledger.core.merkle.ProofVerifier;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A watchdog's view over HTTP: it pins the published key, verifies the signed checkpoint, recomputes an entry's leaf
 * hash from its envelope, and checks inclusion and consistency proofs with nothing but ledger-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.checkpoint.poll=1h")
class LedgerApiTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LedgerStore store;

    @Test
    void aWatchdogVerifiesCheckpointsEntriesAndProofsFromThePublishedKeyAlone() {
        LedgerClient recorder = LedgerClient.recorder(port);
        LedgerClient client = new LedgerClient(port);
        LedgerClient regulator = recorder.as(TestTokens.regulator());
        for (int i = 0; i < 5; i++) {
            recorder.postJson("/api/v1/disclosures", Examples.disclosure("ledger-a-" + i, "LEDGERA" + i));
        }
        awaitSequenced(5);
        checkpointer.signNow();
        NoteVerifier watchdog = NoteVerifier.fromVerifierKey(
                client.get("/api/v1/ledger/public-key").body().strip());
        Checkpoint first = watchdog.verifyCheckpoint(
                client.get("/api/v1/ledger/checkpoint").body());
        for (int i = 0; i < 4; i++) {
            recorder.postJson("/api/v1/disclosures", Examples.disclosure("ledger-b-" + i, "LEDGERB" + i));
        }
        awaitSequenced(9);
        checkpointer.signNow();
        Checkpoint second = watchdog.verifyCheckpoint(
                client.get("/api/v1/ledger/checkpoint").body());

        assertThat(first.treeSize()).isEqualTo(5);
        assertThat(second.treeSize()).isEqualTo(9);
        assertThat(watchdog.verifyCheckpoint(
                        client.get("/api/v1/ledger/checkpoints/5").body()))
                .isEqualTo(first);
        for (long index = 0; index < second.treeSize(); index++) {
            JsonNode entry = regulator.get("/api/v1/ledger/entries/" + index).json();
            Sha256Hash leaf = recomputedLeafHash(entry.path("envelope"));
            assertThat(leaf.hex()).isEqualTo(entry.path("leafHash").asString());
            JsonNode inclusion = client.get("/api/v1/ledger/proofs/inclusion?index=" + index + "&treeSize=9")
                    .json();
            ProofVerifier.verifyInclusion(leaf, index, 9, hashes(inclusion.path("proof")), second.rootHash());
        }
        JsonNode consistency =
                client.get("/api/v1/ledger/proofs/consistency?from=5&to=9").json();
        ProofVerifier.verifyConsistency(5, first.rootHash(), 9, second.rootHash(), hashes(consistency.path("proof")));
    }

    @Test
    void proofsOutsideTheLedgerAreRefusedWithAProblem() {
        LedgerClient client = new LedgerClient(port);

        assertThat(client.get("/api/v1/ledger/proofs/inclusion?index=0&treeSize=999999")
                        .status())
                .isEqualTo(422);
        assertThat(client.get("/api/v1/ledger/proofs/consistency?from=0&to=1").status())
                .isEqualTo(422);
        assertThat(client.get("/api/v1/ledger/proofs/inclusion?index=x&treeSize=1")
                        .status())
                .isEqualTo(400);
        assertThat(client.as(TestTokens.regulator())
                        .get("/api/v1/ledger/entries/999999")
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/v1/ledger/checkpoints/999999").contentType())
                .startsWith("application/problem+json");
    }

    private static Sha256Hash recomputedLeafHash(JsonNode e) {
        return new Sha256Hash(new LeafEnvelope(
                        e.path("eventIdentifier").asString(),
                        e.path("payloadType").asString(),
                        e.path("payloadRevision").isNull()
                                ? null
                                : e.path("payloadRevision").asString(),
                        e.path("aggregateIdentifier").asString(),
                        e.path("sequenceNumber").asLong(),
                        e.path("timestamp").asString(),
                        Base64.getDecoder().decode(e.path("payloadBase64").asString()))
                .leafHash());
    }

    private static List<Sha256Hash> hashes(JsonNode array) {
        return array.valueStream().map(n -> Sha256Hash.fromHex(n.asString())).toList();
    }

    private void awaitSequenced(long entries) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (store.size() < entries && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(store.size()).as("entries sequenced within 30 s").isGreaterThanOrEqualTo(entries);
    }
}
