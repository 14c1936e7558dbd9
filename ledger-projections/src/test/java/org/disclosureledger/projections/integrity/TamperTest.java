package org.disclosureledger.projections.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.core.merkle.ConsistencyProofFailure;
import org.disclosureledger.core.merkle.ProofVerifier;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.Tampering;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The attacker has the database: each test records a ledger and signs a checkpoint, then disables the append-only
 * triggers and rewrites history one way. The verifier must notice, and name the entry or checkpoint.
 */
@SpringBootTest(
        classes = IntegrityTestApplication.class,
        properties = {"ledger.checkpoint.origin=test.disclosure-ledger/log", "ledger.checkpoint.poll=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class TamperTest {

    private static final int DISCLOSURES = 12;

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

    @Autowired
    LedgerVerifier verifier;

    @Autowired
    NoteSigner signer;

    @BeforeEach
    void recordAndSign() {
        Disclosures.records("tamper", DISCLOSURES).forEach(commands::sendAndWait);
        SequencerTest.awaitSequenced(jdbc, store);
        checkpointer.signNow();
    }

    @Test
    void givenAnUntouchedLedger_whenVerified_thenItIsIntact() {
        VerificationReport report = verifier.verify();

        assertThat(report.problems()).isEmpty();
        assertThat(report.entriesChecked()).isEqualTo(DISCLOSURES);
        assertThat(report.checkpointsChecked()).isEqualTo(1);
        assertThat(report.signaturesChecked()).isEqualTo(1);
        assertThat(report.signaturesVerified()).isEqualTo(1);
    }

    @Test
    void givenAnotherLedgersKey_whenVerified_thenNoCheckpointSignatureVerifies() {
        NoteVerifier another =
                NoteSigner.fromSeed("another.ledger/log", new byte[32]).verifier();

        VerificationReport report = new LedgerVerifier(jdbc, another, Clock.systemUTC()).verify();

        assertThat(report.problems())
                .extracting(IntegrityProblem::kind)
                .containsExactly(IntegrityProblem.Kind.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(report.signaturesChecked()).isEqualTo(1);
        assertThat(report.signaturesVerified()).isZero();
    }

    @Test
    void givenAnUntouchedLedger_whenVerifiedAnHourLater_thenEveryStoredEventHasItsEntry() {
        assertThat(laterVerifier().verify().problems()).isEmpty();
    }

    /** The verifier as it would run once the grace for events committed late has passed. */
    private LedgerVerifier laterVerifier() {
        return new LedgerVerifier(
                jdbc, signer.verifier(), Clock.offset(Clock.systemUTC(), LedgerVerifier.SEQUENCING_GRACE.plusHours(1)));
    }

    @Test
    void givenOneByteOfAPayloadChanged_whenVerified_thenTheEntryAndTheCheckpointAreNamed() {
        String event = eventAt(5);
        asAttacker(
                "domain_event_entry",
                () -> jdbc.update(
                        "update domain_event_entry"
                                + " set payload = overlay(payload placing '\\x20'::bytea from 40 for 1) where event_identifier = ?",
                        event));

        VerificationReport report = verifier.verify();

        assertThat(report.problems())
                .extracting(IntegrityProblem::kind, IntegrityProblem::ledgerIndex)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(IntegrityProblem.Kind.LEAF_HASH_CHANGED, 5L),
                        org.assertj.core.groups.Tuple.tuple(IntegrityProblem.Kind.CHECKPOINT_ROOT_MISMATCH, -1L));
        assertThat(report.problems().get(0).expected())
                .isNotEqualTo(report.problems().get(0).found());
        assertThat(report.problems().get(1).treeSize()).isEqualTo(DISCLOSURES);
    }

    @Test
    void givenAnEventDeleted_whenVerified_thenItsLedgerIndexIsNamed() {
        String event = eventAt(3);
        asAttacker(
                "domain_event_entry",
                () -> jdbc.update("delete from domain_event_entry where event_identifier = ?", event));

        VerificationReport report = verifier.verify();

        assertThat(report.problems().get(0).kind()).isEqualTo(IntegrityProblem.Kind.EVENT_MISSING);
        assertThat(report.problems().get(0).ledgerIndex()).isEqualTo(3);
    }

    @Test
    void givenTwoEventsSwapped_whenVerified_thenTheFirstMovedEntryIsNamed() {
        long first = globalIndexAt(7);
        long second = globalIndexAt(8);
        asAttacker("domain_event_entry", () -> {
            jdbc.update("update domain_event_entry set global_index = -1 where global_index = ?", first);
            jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", first, second);
            jdbc.update("update domain_event_entry set global_index = ? where global_index = -1", second);
        });

        VerificationReport report = verifier.verify();

        assertThat(report.problems())
                .extracting(IntegrityProblem::kind)
                .containsOnly(IntegrityProblem.Kind.EVENT_MOVED);
        assertThat(report.problems()).extracting(IntegrityProblem::ledgerIndex).containsExactly(7L, 8L);
    }

    @Test
    void givenAnEventInsertedAmongSequencedOnes_whenVerified_thenItIsNamedAsNotSequenced() {
        String copied = eventAt(4);
        // INSERT is not refused by the append-only triggers: a row placed below the sequencer's position is never
        // sequenced, yet Axon would load it into its aggregate. Its own time, chosen by the attacker, is in the future.
        Tampering.insertEventBelowTheSequencer(jdbc, copied, "2099-01-01T00:00:00Z");

        VerificationReport now = verifier.verify();
        VerificationReport later = laterVerifier().verify();

        assertThat(now.problems())
                .as("the sequencer passed it only just now, and may still be waiting for it")
                .isEmpty();
        assertThat(later.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(IntegrityProblem.Kind.EVENT_NOT_SEQUENCED);
            assertThat(problem.expected()).contains("inserted-event");
            assertThat(problem.explanation()).contains("global index 0", "inserted-disclosure");
        });
    }

    @Test
    void givenAStoredTreeNodeRewritten_whenVerified_thenTheNodeIsNamed() {
        asAttacker(
                "ledger_tree_node",
                () -> jdbc.update("update ledger_tree_node set hash = ? where level = 1 and node_index = 0", (Object)
                        new byte[32]));

        VerificationReport report = verifier.verify();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(IntegrityProblem.Kind.TREE_NODE_CHANGED);
            assertThat(problem.ledgerIndex()).isZero();
            assertThat(problem.found()).isEqualTo("00".repeat(32));
        });
    }

    @Test
    void givenTheSignedCheckpointReplacedByAFork_whenVerified_thenTheCheckpointIsNamed() {
        Sha256Hash forkedRoot = Sha256Hash.fromHex("00".repeat(32));
        String forkedNote = IntegrityTestApplication.SIGNER.sign(
                new Checkpoint("test.disclosure-ledger/log", DISCLOSURES, forkedRoot));
        asAttacker(
                "ledger_checkpoint",
                () -> jdbc.update(
                        "update ledger_checkpoint set root_hash = ?, signed_note = ? where tree_size = ?",
                        forkedRoot.bytes(),
                        forkedNote,
                        DISCLOSURES));

        VerificationReport report = verifier.verify();

        assertThat(report.problems())
                .extracting(IntegrityProblem::kind, IntegrityProblem::treeSize)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        IntegrityProblem.Kind.CHECKPOINT_ROOT_MISMATCH, (long) DISCLOSURES));
    }

    @Test
    void givenAWatchdogHoldingACheckpoint_whenShownAForkOfTheSameSize_thenConsistencyFails() {
        Checkpoint held = IntegrityTestApplication.SIGNER
                .verifier()
                .verifyCheckpoint(store.latestCheckpoint().orElseThrow().signedNote());
        Sha256Hash forkedRoot = Sha256Hash.fromHex("11".repeat(32));

        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(
                        held.treeSize(), held.rootHash(), held.treeSize(), forkedRoot, List.of()))
                .isInstanceOf(ConsistencyProofFailure.class)
                .hasMessageContaining(Long.toString(held.treeSize()));
    }

    private String eventAt(long ledgerIndex) {
        return jdbc.queryForObject(
                "select event_identifier from ledger_entry where ledger_index = ?", String.class, ledgerIndex);
    }

    private long globalIndexAt(long ledgerIndex) {
        return jdbc.queryForObject(
                "select global_index from ledger_entry where ledger_index = ?", Long.class, ledgerIndex);
    }

    private void asAttacker(String table, Runnable rewrite) {
        Tampering.withoutAppendOnlyTriggers(jdbc, table, rewrite);
    }
}
