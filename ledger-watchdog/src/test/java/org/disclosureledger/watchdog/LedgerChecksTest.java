package org.disclosureledger.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.projections.testing.MutableClock;
import org.disclosureledger.watchdog.check.Alarm;
import org.disclosureledger.watchdog.check.AlarmKind;
import org.disclosureledger.watchdog.check.LedgerChecks;
import org.disclosureledger.watchdog.check.LedgerClient;
import org.disclosureledger.watchdog.follow.LineFormat;
import org.disclosureledger.watchdog.store.CheckpointStatus;
import org.disclosureledger.watchdog.store.EventStatus;
import org.disclosureledger.watchdog.store.WatchdogStore;
import org.disclosureledger.watchdog.stream.CheckpointMessage;
import org.disclosureledger.watchdog.stream.DisclosureMessage;
import org.disclosureledger.watchdog.stream.MessageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerChecksTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final TestLedger ledger = new TestLedger();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-15T12:00:00Z"));
    private final MessageReader reader = new MessageReader(TestLedger.ORIGIN);
    private WatchdogStore store;
    private LedgerChecks checks;

    @BeforeEach
    void open() {
        store = WatchdogStore.open(dir, true);
        checks = new LedgerChecks(store, ledger.signer.verifier(), ledger, clock, GRACE);
        for (int i = 0; i < 8; i++) {
            ledger.append("entry " + i);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Alarm> receiveCheckpoint(long treeSize, String note) {
        return checks.receiveCheckpoint(new CheckpointMessage("checkpoint-" + treeSize, treeSize, note), "cp/0@0");
    }

    private void receive(long index, long seq) throws Exception {
        Messages.Disclosure message = seq == 0
                ? Messages.recorded("d-" + index, index, ledger.leafHash(index), 1)
                : Messages.disputed("d-0", index, ledger.leafHash(index), seq);
        DisclosureMessage m = reader.disclosure(message.bytes());
        store.addEvent(m, true, LineFormat.line(m), clock.millis(), "d/0@" + index);
    }

    private void receiveAll(long below) throws Exception {
        for (long i = 0; i < below; i++) {
            receive(i, 0);
        }
    }

    private static List<AlarmKind> kinds(List<Alarm> alarms) {
        return alarms.stream().map(Alarm::kind).toList();
    }

    @Test
    void givenSignedConsistentCheckpoints_whenChecked_thenTheLargestIsHeldAndNoAlarmIsRaised() {
        assertThat(receiveCheckpoint(3, ledger.checkpoint(3))).isEmpty();
        assertThat(receiveCheckpoint(8, ledger.checkpoint(8))).isEmpty();
        assertThat(receiveCheckpoint(5, ledger.checkpoint(5))).isEmpty();

        LedgerChecks.Round round = checks.verify(false);

        assertThat(round.alarms()).isEmpty();
        assertThat(store.largestVerified())
                .hasValueSatisfying(c -> assertThat(c.treeSize()).isEqualTo(8));
    }

    @Test
    void givenACheckpointSignedByAnotherKey_whenReceived_thenABadSignatureAlarmNamesTheTreeSize() {
        NoteSigner forger = NoteSigner.fromSeed(TestLedger.ORIGIN, TestLedger.seed(9));
        String forged = forger.sign(new Checkpoint(TestLedger.ORIGIN, 8, ledger.root(8)));

        List<Alarm> alarms = receiveCheckpoint(8, forged);

        assertThat(kinds(alarms)).containsExactly(AlarmKind.BAD_SIGNATURE);
        assertThat(alarms.get(0).line())
                .contains("tree size 8")
                .contains("cp/0@0")
                .contains("not signed by key");
        assertThat(checks.verify(false).alarms()).isEmpty();
        assertThat(store.largestVerified()).isEmpty();
    }

    @Test
    void givenACheckpointWithAnAlteredRoot_whenReceived_thenItsSignatureFails() {
        String note = ledger.checkpoint(8);
        String altered = note.replace(ledger.root(8).base64(), ledger.root(7).base64());

        assertThat(kinds(receiveCheckpoint(8, altered))).containsExactly(AlarmKind.BAD_SIGNATURE);
    }

    @Test
    void givenACheckpointForAnotherOrigin_whenReceived_thenItIsRefused() {
        NoteSigner other = NoteSigner.fromSeed("other.ledger", TestLedger.seed(7));
        String note = other.sign(new Checkpoint("other.ledger", 8, ledger.root(8)));

        assertThat(kinds(receiveCheckpoint(8, note))).containsExactly(AlarmKind.BAD_SIGNATURE);
    }

    @Test
    void givenTwoSignedCheckpointsOfOneSizeWithDifferentRoots_whenChecked_thenAForkAlarmNamesBothRoots() {
        Sha256Hash otherRoot = MerkleTree.leafHash(new byte[] {42});
        receiveCheckpoint(8, ledger.checkpoint(8));
        receiveCheckpoint(8, ledger.signer.sign(new Checkpoint(TestLedger.ORIGIN, 8, otherRoot)));

        List<Alarm> alarms = checks.verify(false).alarms();

        assertThat(kinds(alarms)).containsExactly(AlarmKind.FORK);
        assertThat(alarms.get(0).line()).contains(ledger.root(8).hex()).contains(otherRoot.hex());
    }

    @Test
    void givenALaterCheckpointOverARewrittenHistory_whenChecked_thenItIsInconsistent() {
        receiveCheckpoint(4, ledger.checkpoint(4));
        checks.verify(false);
        TestLedger rewritten = new TestLedger();
        for (int i = 0; i < 8; i++) {
            rewritten.append(i == 2 ? "entry 2, rewritten" : "entry " + i);
        }
        LedgerChecks rewrittenChecks = new LedgerChecks(store, ledger.signer.verifier(), rewritten, clock, GRACE);
        rewrittenChecks.receiveCheckpoint(new CheckpointMessage("checkpoint-8", 8, rewritten.checkpoint(8)), "cp/0@1");

        List<Alarm> alarms = rewrittenChecks.verify(false).alarms();

        assertThat(kinds(alarms)).containsExactly(AlarmKind.INCONSISTENT_CHECKPOINT);
        assertThat(alarms.get(0).line()).contains("tree size 8").contains("held tree size 4");
        assertThat(store.largestVerified())
                .hasValueSatisfying(c -> assertThat(c.treeSize()).isEqualTo(4));
    }

    @Test
    void givenEventsCoveredByAVerifiedCheckpoint_whenChecked_thenEachIsVerifiedByItsInclusionProof() throws Exception {
        receiveAll(8);
        receiveCheckpoint(8, ledger.checkpoint(8));

        assertThat(checks.verify(false).alarms()).isEmpty();

        assertThat(store.eventStatus("event-0")).hasValue(EventStatus.VERIFIED);
        assertThat(store.eventStatus("event-7")).hasValue(EventStatus.VERIFIED);
        assertThat(store.countPending()).isZero();
    }

    @Test
    void givenAnEventWhoseLeafHashIsNotTheLedgers_whenChecked_thenInclusionFailsWithTheEvidence() throws Exception {
        Sha256Hash wrong = MerkleTree.leafHash(new byte[] {1});
        DisclosureMessage m =
                reader.disclosure(Messages.recorded("d-3", 3, wrong, 1).bytes());
        store.addEvent(m, true, LineFormat.line(m), clock.millis(), "d/0@3");
        receiveCheckpoint(8, ledger.checkpoint(8));

        List<Alarm> alarms = checks.verify(false).alarms();

        assertThat(kinds(alarms)).contains(AlarmKind.INCLUSION_FAILED);
        assertThat(alarms.get(0).line())
                .contains("ledger index 3")
                .contains(wrong.hex())
                .contains("tree size 8")
                .contains(ledger.root(8).hex());
        assertThat(store.eventStatus("event-3")).hasValue(EventStatus.FAILED);
    }

    @Test
    void givenAnEventBeyondTheCheckpoint_whenChecked_thenItStaysPending() throws Exception {
        receiveAll(8);
        receiveCheckpoint(5, ledger.checkpoint(5));

        checks.verify(false);

        assertThat(store.eventStatus("event-4")).hasValue(EventStatus.VERIFIED);
        assertThat(store.eventStatus("event-5")).hasValue(EventStatus.PENDING);
    }

    @Test
    void givenMissingIndexes_whenTheGraceHasPassed_thenOneAlarmNamesTheRangesOnce() throws Exception {
        for (long i : new long[] {0, 1, 2, 5, 6}) {
            receive(i, 0);
        }
        receiveCheckpoint(8, ledger.checkpoint(8));

        assertThat(checks.verify(false).alarms()).as("within the grace").isEmpty();

        clock.advance(GRACE);
        List<Alarm> alarms = checks.verify(false).alarms();

        assertThat(kinds(alarms)).containsExactly(AlarmKind.MISSING_ENTRIES);
        assertThat(alarms.get(0).line())
                .contains("3 ledger indexes")
                .contains("tree size 8")
                .endsWith("3-4, 7");
        assertThat(checks.verify(false).alarms()).as("reported once").isEmpty();
    }

    @Test
    void givenAFollowerCatchingUpOnABacklog_whenTheGraceHasPassed_thenGapsWaitUntilItHasCaughtUp() throws Exception {
        receive(0, 0);
        receiveCheckpoint(8, ledger.checkpoint(8));
        clock.advance(GRACE);

        assertThat(checks.verify(false, true).alarms()).as("still catching up").isEmpty();

        for (long i = 1; i < 6; i++) {
            receive(i, 0);
        }
        List<Alarm> alarms = checks.verify(false, false).alarms();

        assertThat(kinds(alarms)).containsExactly(AlarmKind.MISSING_ENTRIES);
        assertThat(alarms.get(0).line()).contains("2 ledger indexes").endsWith("6-7");
    }

    @Test
    void givenMissingIndexes_whenTheRunEnds_thenTheyAreReportedWithoutWaiting() throws Exception {
        receive(0, 0);
        receiveCheckpoint(2, ledger.checkpoint(2));

        assertThat(kinds(checks.verify(true).alarms())).containsExactly(AlarmKind.MISSING_ENTRIES);
    }

    @Test
    void givenALaterSeqWithoutItsPredecessor_whenTheGraceHasPassed_thenASequenceGapIsRaised() throws Exception {
        receive(0, 0);
        receive(3, 2);

        assertThat(checks.verify(false).alarms()).isEmpty();
        clock.advance(GRACE);
        List<Alarm> alarms = checks.verify(false).alarms();

        assertThat(kinds(alarms)).containsExactly(AlarmKind.SEQUENCE_GAP);
        assertThat(alarms.get(0).line())
                .isEqualTo(
                        "ALERT SEQUENCE_GAP disclosure d-0: event event-3 (seq 2, ledger index 3, from d/0@3) arrived,"
                                + " seq 1 never did");
    }

    @Test
    void givenAPredecessorArrivingLate_whenChecked_thenThereIsNoSequenceGap() throws Exception {
        receive(0, 0);
        receive(3, 2);
        receive(2, 1);
        clock.advance(GRACE);

        assertThat(checks.verify(true).alarms()).isEmpty();
    }

    @Test
    void givenAnAlarm_whenRaised_thenItIsKeptInTheStore() {
        receiveCheckpoint(8, ledger.checkpoint(8).replace("8\n", "9\n"));

        assertThat(store.alarmLines()).singleElement().asString().startsWith("ALERT BAD_SIGNATURE");
    }

    @Test
    void givenTheLedgerUnreachable_whenChecked_thenNothingIsDecidedAndTheRoundSaysWhy() throws Exception {
        LedgerClient down = new LedgerClient() {
            @Override
            public List<Sha256Hash> inclusionProof(long index, long treeSize) {
                throw new Unavailable("cannot reach the ledger at http://127.0.0.1:1/api/v1/ledger");
            }

            @Override
            public List<Sha256Hash> consistencyProof(long from, long to) {
                throw new Unavailable("cannot reach the ledger at http://127.0.0.1:1/api/v1/ledger");
            }

            @Override
            public String publicKey() {
                throw new Unavailable("cannot reach the ledger at http://127.0.0.1:1/api/v1/ledger");
            }
        };
        LedgerChecks offline = new LedgerChecks(store, ledger.signer.verifier(), down, clock, GRACE);
        receiveAll(8);
        offline.receiveCheckpoint(new CheckpointMessage("checkpoint-4", 4, ledger.checkpoint(4)), "cp/0@0");
        offline.receiveCheckpoint(new CheckpointMessage("checkpoint-8", 8, ledger.checkpoint(8)), "cp/0@1");

        LedgerChecks.Round round = offline.verify(false);

        assertThat(round.alarms()).isEmpty();
        assertThat(round.ledgerUnavailable())
                .hasValueSatisfying(why -> assertThat(why).contains("cannot reach the ledger"));
        assertThat(store.largestVerified())
                .hasValueSatisfying(c -> assertThat(c.treeSize())
                        .as("the first, trusted on its signature")
                        .isEqualTo(4));
        assertThat(store.eventStatus("event-0")).hasValue(EventStatus.PENDING);
        assertThat(store.checkpoints(CheckpointStatus.PENDING)).hasSize(1);
    }
}
