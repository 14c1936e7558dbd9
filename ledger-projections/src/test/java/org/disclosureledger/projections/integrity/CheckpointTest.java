package org.disclosureledger.projections.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.core.merkle.ConsistencyProofFailure;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.ProofVerifier;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.Tampering;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signed checkpoints: a watchdog pinning the ledger's public key can verify each one, prove every entry is included,
 * and prove that a later checkpoint extends an earlier one. A ledger whose stored tree was rewritten gets no new
 * checkpoint.
 */
@SpringBootTest(
        classes = IntegrityTestApplication.class,
        properties = {"ledger.checkpoint.origin=test.disclosure-ledger/log", "ledger.checkpoint.poll=1h"})
@DirtiesContext
class CheckpointTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerStore store;

    @Autowired
    Checkpointer checkpointer;

    private final NoteVerifier watchdog = NoteVerifier.fromVerifierKey(IntegrityTestApplication.SIGNER.verifierKey());

    @Test
    void signedCheckpointsVerifyIncludeEveryEntryAndExtendEachOther() {
        Disclosures.records("cp-a", 11).forEach(commands::sendAndWait);
        long firstSize = SequencerTest.awaitSequenced(jdbc, store);
        checkpointer.signNow();
        Disclosures.records("cp-b", 6).forEach(commands::sendAndWait);
        long secondSize = SequencerTest.awaitSequenced(jdbc, store);
        checkpointer.signNow();

        Checkpoint first = watchdog.verifyCheckpoint(
                store.checkpoint(firstSize).orElseThrow().signedNote());
        Checkpoint second = watchdog.verifyCheckpoint(
                store.checkpoint(secondSize).orElseThrow().signedNote());
        MerkleTree tree = new MerkleTree(new LedgerNodes(store));

        assertThat(first.treeSize()).isEqualTo(firstSize);
        assertThat(second.origin()).isEqualTo("test.disclosure-ledger/log");
        for (long index = 0; index < secondSize; index++) {
            Sha256Hash leaf = new Sha256Hash(store.leafHash(index).orElseThrow());
            ProofVerifier.verifyInclusion(
                    leaf, index, secondSize, tree.inclusionProof(index, secondSize), second.rootHash());
        }
        ProofVerifier.verifyConsistency(
                first.treeSize(),
                first.rootHash(),
                second.treeSize(),
                second.rootHash(),
                tree.consistencyProof(firstSize, secondSize));
    }

    @Test
    void givenARewrittenTreeNode_whenSigningIsDue_thenNoCheckpointIsSigned() {
        Disclosures.records("cp-c", 9).forEach(commands::sendAndWait);
        SequencerTest.awaitSequenced(jdbc, store);
        checkpointer.signNow();
        long signed = store.latestCheckpoint().orElseThrow().treeSize();
        Disclosures.records("cp-d", 3).forEach(commands::sendAndWait);
        SequencerTest.awaitSequenced(jdbc, store);

        rewriteTheNodeCoveringEntry(0);

        assertThatThrownBy(() -> checkpointer.signNow()).isInstanceOf(ConsistencyProofFailure.class);
        assertThat(store.latestCheckpoint().orElseThrow().treeSize()).isEqualTo(signed);
    }

    /** The attacker: disables the append-only trigger and changes the largest stored node over entry 0. */
    private void rewriteTheNodeCoveringEntry(long entry) {
        List<Integer> levels = jdbc.queryForList(
                "select level from ledger_tree_node where node_index = 0 order by level desc limit 1", Integer.class);
        Tampering.withoutAppendOnlyTriggers(
                jdbc,
                "ledger_tree_node",
                () -> jdbc.update(
                        "update ledger_tree_node set hash = sha256(hash) where level = ? and node_index = ?",
                        levels.get(0),
                        entry));
    }
}
