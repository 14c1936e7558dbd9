package org.disclosureledger.projections.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.merkle.ConsistencyProofFailure;
import org.disclosureledger.core.merkle.IntegrityFailure;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.ProofVerifier;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a checkpoint of the ledger's tree every {@code ledger.checkpoint.every-entries} entries (default 1,000) or
 * every {@code ledger.checkpoint.every} (default 5 s) when the tree grew, and keeps every checkpoint it signed.
 *
 * <p>Before signing it proves to itself that the new tree extends the last signed one (an RFC 9162 consistency proof
 * from the stored nodes, verified): if that ever failed, something rewrote the ledger's tables, and it refuses to
 * sign rather than publish two checkpoints that contradict each other. It also refuses when the last checkpoint does
 * not verify with its own key (a lost key replaced by a new one, another ledger's key configured): every watchdog
 * pinned the key that signed it. A refusal is logged once, not at every poll, and once it signs again it says so;
 * meanwhile {@link #unsignedEntries()} (the meter {@code ledger.checkpoint.unsigned}) grows. With several nodes each
 * may try to sign the same size; the first insert wins and, the tree being deterministic, the others would have
 * signed the same root.
 */
@Component
public class Checkpointer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final LedgerStore store;
    private final NoteSigner signer;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String origin;
    private final long everyEntries;
    private final Duration every;
    private final Duration poll;
    private ScheduledExecutorService scheduler;

    /** What the last refusal to sign was about, so that it is logged once; null while signing. */
    private volatile String refusing;

    public Checkpointer(
            LedgerStore store,
            NoteSigner signer,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${ledger.checkpoint.origin}") String origin,
            @Value("${ledger.checkpoint.every-entries:1000}") long everyEntries,
            @Value("${ledger.checkpoint.every:5s}") Duration every,
            @Value("${ledger.checkpoint.poll:1s}") Duration poll) {
        this.store = store;
        this.signer = signer;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.origin = origin;
        this.everyEntries = everyEntries;
        this.every = every;
        this.poll = poll;
    }

    /** Signs a checkpoint now if the tree grew since the last one and one is due; returns it if it signed. */
    public Optional<Checkpoint> signIfDue() {
        return transaction.execute(status -> {
            long size = store.size();
            Optional<LedgerStore.StoredCheckpoint> last = store.latestCheckpoint();
            long lastSize = last.map(LedgerStore.StoredCheckpoint::treeSize).orElse(0L);
            if (size == lastSize) {
                return Optional.empty();
            }
            boolean enoughEntries = size - lastSize >= everyEntries;
            boolean lateEnough = last.map(
                            c -> !clock.instant().isBefore(c.signedAt().plus(every)))
                    .orElse(true);
            if (!enoughEntries && !lateEnough) {
                return Optional.empty();
            }
            return Optional.of(sign(size, last));
        });
    }

    /** Signs a checkpoint of the tree as it is now, whatever the schedule; for tests and operators. */
    public Optional<Checkpoint> signNow() {
        return transaction.execute(status -> {
            long size = store.size();
            Optional<LedgerStore.StoredCheckpoint> last = store.latestCheckpoint();
            if (size == 0 || last.map(c -> c.treeSize() == size).orElse(false)) {
                return Optional.empty();
            }
            return Optional.of(sign(size, last));
        });
    }

    private Checkpoint sign(long size, Optional<LedgerStore.StoredCheckpoint> last) {
        MerkleTree tree = new MerkleTree(new LedgerNodes(store));
        Sha256Hash root = tree.rootHash(size);
        if (last.isPresent()) {
            LedgerStore.StoredCheckpoint previous = last.get();
            try {
                signer.verifier().verifyCheckpoint(previous.signedNote(), origin);
            } catch (IntegrityFailure failure) {
                refuse(
                        "key at " + previous.treeSize(),
                        "Refusing to sign: the checkpoint at size " + previous.treeSize()
                                + " does not verify with this ledger's key " + signer.verifierKey() + " ("
                                + failure.getMessage() + "); watchdogs pinned the key that signed it, so configure"
                                + " that key (ledger.checkpoint.signing-key-file, or the embedded default's keys"
                                + " directory)");
                throw failure;
            }
            List<Sha256Hash> proof = tree.consistencyProof(previous.treeSize(), size);
            try {
                ProofVerifier.verifyConsistency(
                        previous.treeSize(), new Sha256Hash(previous.rootHash()), size, root, proof);
            } catch (ConsistencyProofFailure failure) {
                refuse(
                        "consistency with " + previous.treeSize(),
                        "Refusing to sign: the ledger at size " + size + " does not extend the checkpoint at size "
                                + previous.treeSize() + ": " + failure.getMessage());
                throw failure;
            }
        }
        Checkpoint checkpoint = new Checkpoint(origin, size, root);
        Instant now = clock.instant();
        if (store.addCheckpoint(new LedgerStore.StoredCheckpoint(size, root.bytes(), signer.sign(checkpoint), now))) {
            log.info("Signed checkpoint at tree size {}", size);
        }
        if (refusing != null) {
            log.info("Signing checkpoints again, from tree size {}", size);
            refusing = null;
        }
        return checkpoint;
    }

    /** Logs a refusal the first time, and each time it is about something else. */
    private void refuse(String about, String explanation) {
        if (!about.equals(refusing)) {
            log.error(explanation);
        }
        refusing = about;
    }

    /** Ledger entries no signed checkpoint covers yet. */
    public long unsignedEntries() {
        long size = store.size();
        return size
                - store.latestCheckpoint()
                        .map(LedgerStore.StoredCheckpoint::treeSize)
                        .orElse(0L);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-checkpointer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            signIfDue();
        } catch (IntegrityFailure refused) {
            // Logged by refuse(), once.
        } catch (RuntimeException e) {
            log.error("Checkpoint not signed this round: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
