package org.disclosureledger.watchdog.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.core.merkle.IntegrityFailure;
import org.disclosureledger.core.merkle.ProofVerifier;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.watchdog.store.CheckpointStatus;
import org.disclosureledger.watchdog.store.EventStatus;
import org.disclosureledger.watchdog.store.HeldCheckpoint;
import org.disclosureledger.watchdog.store.PendingEvent;
import org.disclosureledger.watchdog.store.SequenceGap;
import org.disclosureledger.watchdog.store.WatchdogStore;
import org.disclosureledger.watchdog.stream.CheckpointMessage;

/**
 * The watchdog's checks, run against its store: a checkpoint's signature when it arrives; then, in rounds, each
 * pending checkpoint's consistency with those held, each pending event's inclusion under the largest verified
 * checkpoint, missing ledger indexes and disclosure sequence gaps. Every alarm is kept in the store (in the caller's
 * transaction) and returned for printing after the commit.
 *
 * <p>The first checkpoint is trusted on its signature alone (trust on first use); every later one must be consistent
 * with it.
 */
public final class LedgerChecks {

    private final WatchdogStore store;
    private final NoteVerifier verifier;
    private final LedgerClient ledger;
    private final Clock clock;
    private final Duration grace;

    public LedgerChecks(WatchdogStore store, NoteVerifier verifier, LedgerClient ledger, Clock clock, Duration grace) {
        this.store = store;
        this.verifier = verifier;
        this.ledger = ledger;
        this.clock = clock;
        this.grace = grace;
    }

    /** The origin of the followed ledger: the pinned key's name. */
    public String origin() {
        return verifier.keyName();
    }

    /**
     * Checks a checkpoint message's signature and origin and keeps it: pending its consistency check when it holds,
     * rejected with an alarm when not. A note already held is ignored.
     */
    public List<Alarm> receiveCheckpoint(CheckpointMessage message, String source) {
        String noteSha = sha256(message.signedNote());
        if (store.hasCheckpointNote(noteSha)) {
            return List.of();
        }
        long now = clock.millis();
        Checkpoint checkpoint;
        try {
            checkpoint = verifier.verifyCheckpoint(message.signedNote(), origin());
        } catch (IntegrityFailure e) {
            store.addCheckpoint(
                    message.treeSize(), null, noteSha, message.signedNote(), CheckpointStatus.REJECTED, now, source);
            return raise(
                    AlarmKind.BAD_SIGNATURE,
                    "checkpoint for tree size " + message.treeSize() + " at " + source + " is refused: "
                            + e.getMessage());
        }
        if (checkpoint.treeSize() != message.treeSize()) {
            store.addCheckpoint(
                    checkpoint.treeSize(),
                    checkpoint.rootHash(),
                    noteSha,
                    message.signedNote(),
                    CheckpointStatus.REJECTED,
                    now,
                    source);
            return raise(
                    AlarmKind.BAD_SIGNATURE,
                    "checkpoint at " + source + " claims tree size " + message.treeSize() + " but its signed note says "
                            + checkpoint.treeSize());
        }
        store.addCheckpoint(
                checkpoint.treeSize(),
                checkpoint.rootHash(),
                noteSha,
                message.signedNote(),
                CheckpointStatus.PENDING,
                now,
                source);
        return List.of();
    }

    /** What a round of checks found. */
    public record Round(List<Alarm> alarms, Optional<String> ledgerUnavailable) {}

    /**
     * One round of checks. Gaps are reported only once the checkpoint that reveals them (or the event that lacks its
     * predecessor) has been held for the grace period; in the {@code last} round of a run, at once.
     */
    public Round verify(boolean last) {
        return verify(last, false);
    }

    /**
     * One round of checks, as {@link #verify(boolean)}; while the follower is {@code catchingUp} on a backlog of the
     * disclosures topic, gaps are not looked for at all (the entries a checkpoint reveals as missing are most likely
     * still waiting to be read), and are once it has caught up, or in the last round.
     */
    public Round verify(boolean last, boolean catchingUp) {
        List<Alarm> alarms = new ArrayList<>();
        Optional<String> unavailable = Optional.empty();
        try {
            checkConsistency(alarms);
            checkInclusion(alarms);
        } catch (LedgerClient.Unavailable e) {
            unavailable = Optional.of(e.getMessage());
        }
        long now = clock.millis();
        if (last || !catchingUp) {
            long cutoff = last ? Long.MAX_VALUE : now - grace.toMillis();
            checkMissing(cutoff, alarms);
            checkSequences(cutoff, alarms);
        }
        return new Round(alarms, unavailable);
    }

    private void checkConsistency(List<Alarm> alarms) {
        for (HeldCheckpoint candidate : store.checkpoints(CheckpointStatus.PENDING)) {
            Optional<HeldCheckpoint> sameSize = store.verifiedOfSize(candidate.treeSize());
            if (sameSize.isPresent()) {
                if (sameSize.get().rootHash().equals(candidate.rootHash())) {
                    store.setCheckpointStatus(candidate.number(), CheckpointStatus.VERIFIED);
                } else {
                    store.setCheckpointStatus(candidate.number(), CheckpointStatus.REJECTED);
                    alarms.addAll(raise(
                            AlarmKind.FORK,
                            "two signed checkpoints for tree size " + candidate.treeSize() + ": root "
                                    + sameSize.get().rootHash() + " (held, from "
                                    + sameSize.get().source()
                                    + ") and root " + candidate.rootHash() + " (from " + candidate.source() + ")"));
                }
                continue;
            }
            Optional<HeldCheckpoint> largest = store.largestVerified();
            if (largest.isEmpty()) {
                store.setCheckpointStatus(candidate.number(), CheckpointStatus.VERIFIED);
                continue;
            }
            HeldCheckpoint held = largest.get();
            HeldCheckpoint smaller = held.treeSize() < candidate.treeSize() ? held : candidate;
            HeldCheckpoint larger = smaller == held ? candidate : held;
            try {
                List<Sha256Hash> proof = smaller.treeSize() == 0
                        ? List.of()
                        : ledger.consistencyProof(smaller.treeSize(), larger.treeSize());
                ProofVerifier.verifyConsistency(
                        smaller.treeSize(), smaller.rootHash(), larger.treeSize(), larger.rootHash(), proof);
                store.setCheckpointStatus(candidate.number(), CheckpointStatus.VERIFIED);
            } catch (IntegrityFailure | LedgerClient.Refused e) {
                store.setCheckpointStatus(candidate.number(), CheckpointStatus.REJECTED);
                alarms.addAll(raise(
                        AlarmKind.INCONSISTENT_CHECKPOINT,
                        "checkpoint of tree size " + candidate.treeSize() + " (root " + candidate.rootHash()
                                + ", from " + candidate.source() + ") is not consistent with the held tree size "
                                + held.treeSize() + " (root " + held.rootHash() + "): " + e.getMessage()));
            }
        }
    }

    private void checkInclusion(List<Alarm> alarms) {
        Optional<HeldCheckpoint> largest = store.largestVerified();
        if (largest.isEmpty()) {
            return;
        }
        HeldCheckpoint checkpoint = largest.get();
        for (PendingEvent event : store.pendingBelow(checkpoint.treeSize())) {
            try {
                List<Sha256Hash> proof = ledger.inclusionProof(event.ledgerIndex(), checkpoint.treeSize());
                ProofVerifier.verifyInclusion(
                        event.leafHash(), event.ledgerIndex(), checkpoint.treeSize(), proof, checkpoint.rootHash());
                store.setEventStatus(event.id(), EventStatus.VERIFIED, checkpoint.treeSize());
            } catch (IntegrityFailure | LedgerClient.Refused e) {
                store.setEventStatus(event.id(), EventStatus.FAILED, checkpoint.treeSize());
                alarms.addAll(raise(
                        AlarmKind.INCLUSION_FAILED,
                        "event " + event.id() + " (ledger index " + event.ledgerIndex() + ", leaf hash "
                                + event.leafHash() + ", from " + event.source() + ") is not proved in tree size "
                                + checkpoint.treeSize() + " (root " + checkpoint.rootHash() + "): " + e.getMessage()));
            }
        }
    }

    private void checkMissing(long cutoff, List<Alarm> alarms) {
        Optional<HeldCheckpoint> revealing = store.largestVerifiedReceivedBy(cutoff);
        if (revealing.isEmpty()) {
            return;
        }
        long treeSize = revealing.get().treeSize();
        List<long[]> missing = store.unreportedMissingBelow(treeSize);
        if (missing.isEmpty()) {
            return;
        }
        store.addReportedMissing(missing);
        long count = Ranges.count(missing);
        alarms.addAll(raise(
                AlarmKind.MISSING_ENTRIES,
                count + (count == 1 ? " ledger index" : " ledger indexes") + " below the verified tree size " + treeSize
                        + " never arrived: " + Ranges.format(missing)));
    }

    private void checkSequences(long cutoff, List<Alarm> alarms) {
        for (SequenceGap gap : store.unreportedSequenceGaps(cutoff)) {
            store.markSequenceGapReported(gap.id());
            String missing = gap.missingFrom() == gap.seq() - 1
                    ? "seq " + gap.missingFrom()
                    : "seq " + gap.missingFrom() + "-" + (gap.seq() - 1);
            alarms.addAll(raise(
                    AlarmKind.SEQUENCE_GAP,
                    "disclosure " + gap.disclosureId() + ": event " + gap.id() + " (seq " + gap.seq()
                            + ", ledger index " + gap.ledgerIndex() + ", from " + gap.source() + ") arrived, " + missing
                            + " never did"));
        }
    }

    /** Keeps an alarm found outside the checks (an unreadable message, an index conflict) and returns it. */
    public List<Alarm> raise(AlarmKind kind, String evidence) {
        Alarm alarm = new Alarm(kind, evidence);
        store.addAlarm(kind.name(), alarm.line(), clock.millis());
        return List.of(alarm);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
