package org.disclosureledger.projections.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the disclosures topic from the ledger, in ledger order: on one thread, in turns of about half a second, each
 * in one transaction that locks the relay's row ({@code stream_relay}) and publishes batches of
 * {@code ledger.stream.batch-size} entries (fewer when their stored events pass 8 MiB). For each batch it reads the
 * entries after the last one sent with their stored events and sends their messages ({@link DisclosureStreamPublisher})
 * while the batch before waits for its acknowledgements; once a batch is acknowledged the row moves past it, and the
 * turn's transaction commits the row at its end. Only entries the sequencer committed are read, so every message
 * carries its ledger index and leaf hash.
 *
 * <p>One node at a time publishes: the row is claimed with {@code skip locked}, so a node that finds it taken waits
 * for the next round. A batch that fails (the broker is away) ends the turn: the row stays before it (the batches
 * acknowledged before it are committed, unless it was the database that failed, which rolls the whole turn back), and
 * the relay tries again from there after a backoff (1 s, doubling up to 60 s). An entry is never passed over
 * unpublished, though it may be published twice (a batch sent after a failed one may be on the topic already). When
 * it finds nothing to publish the relay looks again after {@code ledger.stream.poll} (default 100 ms). Every ledger
 * index below the row's count is on the topic, which lets the checkpoints that cover them follow
 * ({@link CheckpointPublisher}).
 */
public final class StreamRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    // About a dozen bulk chunks' events (0.7 MB each), or thousands of single disclosures'.
    private static final long BATCH_BYTES = 8L << 20;
    private static final int MAX_BATCH_SIZE = 10_000;
    /**
     * How long a turn goes on starting batches: its transaction commits the row once the turn ends, and the
     * checkpoints and {@code ledger.stream.lag} follow only what was committed.
     */
    private static final Duration TURN = Duration.ofMillis(500);

    private final StreamStore store;
    private final DisclosureStreamPublisher publisher;
    private final StoredEvents storedEvents;
    private final StreamMetrics metrics;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final Duration poll;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param storedEvents reads the stored events through the event store's serializer and upcasters
     * @param batchSize  entries published per batch
     * @param poll       how long to wait before looking again once there was nothing more to publish
     */
    StreamRelay(
            StreamStore store,
            DisclosureStreamPublisher publisher,
            StoredEvents storedEvents,
            StreamMetrics metrics,
            PlatformTransactionManager transactions,
            int batchSize,
            Duration poll) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "ledger.stream.batch-size must be from 1 to " + MAX_BATCH_SIZE + ", not " + batchSize);
        }
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("ledger.stream.poll must be positive, not " + poll);
        }
        this.store = store;
        this.publisher = publisher;
        this.storedEvents = storedEvents;
        this.metrics = metrics;
        this.transaction = new TransactionTemplate(transactions);
        this.batchSize = batchSize;
        this.poll = poll;
    }

    /**
     * Publishes the entries not yet on the topic, if this node holds the relay, for one turn (until there are no more,
     * or for about {@link #TURN}), and returns how many; 0 when there was nothing to publish or another node holds it.
     *
     * @throws RuntimeException if a batch could not be published; the batches acknowledged before it are recorded as
     *     published, unless the database failed (then the whole turn rolls back, and its batches are published again)
     */
    int relayNextBatches() {
        Turn turn = transaction.execute(status -> relayTurn());
        if (turn == null) {
            return 0;
        }
        if (turn.failure() instanceof RuntimeException e) {
            throw e;
        }
        if (turn.failure() instanceof Error e) {
            throw e;
        }
        return turn.published();
    }

    /**
     * What a turn published before it ended, and why it ended early, if it did: a failure is carried out of the
     * transaction rather than thrown in it, so that the batches acknowledged before it are committed.
     */
    private record Turn(int published, Throwable failure) {}

    /**
     * One turn, in the transaction that holds the relay's row. Each batch is read and its messages made while the one
     * before waits for its acknowledgements; the row moves past a batch once it is acknowledged, never past one that
     * was not (a failed batch leaves the row before it, though a batch sent after it may be on the topic too).
     */
    private Turn relayTurn() {
        Optional<Long> claimed = store.claimRelay();
        if (claimed.isEmpty()) {
            return new Turn(0, null);
        }
        long from = claimed.get();
        long acknowledged = from;
        long turnEnds = System.nanoTime() + TURN.toNanos();
        InFlight waiting = null;
        while (true) {
            InFlight sent = null;
            Throwable failure = null;
            try {
                // Once stop() was asked for, only the batch in flight is finished.
                if (waiting == null || (running && System.nanoTime() - turnEnds < 0)) {
                    sent = sendFrom(waiting == null ? from : waiting.upTo());
                }
            } catch (DataAccessException e) {
                // PostgreSQL has aborted the transaction: nothing more can be recorded in it, so the turn rolls back.
                throw e;
            } catch (RuntimeException | Error e) {
                // The batch in flight is still waited for, so that it is not sent again at every retry.
                failure = e;
            }
            if (waiting != null) {
                if (sent == null) {
                    publisher.flush();
                }
                try {
                    waiting.batch().await();
                } catch (RuntimeException | Error e) {
                    if (failure != null) {
                        e.addSuppressed(failure);
                    }
                    return new Turn((int) (acknowledged - from), e);
                }
                acknowledged = waiting.upTo();
                store.relayedUpTo(acknowledged);
            }
            if (sent == null || failure != null) {
                return new Turn((int) (acknowledged - from), failure);
            }
            waiting = sent;
        }
    }

    /** A batch handed to the producer, and the ledger index after its last entry. */
    private record InFlight(DisclosureStreamPublisher.SentBatch batch, long upTo) {}

    /** Reads the entries from this ledger index and sends their messages; null when there is none. */
    private InFlight sendFrom(long ledgerIndex) {
        List<LedgerEntryEvent> entries = store.entriesFrom(ledgerIndex, batchSize, BATCH_BYTES);
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, LedgerPosition> positions = new HashMap<>();
        entries.forEach(e -> positions.put(e.stored().getEventIdentifier(), e.position()));
        List<StoredDisclosureEvent> events =
                storedEvents.read(entries.stream().map(LedgerEntryEvent::stored).toList());
        return new InFlight(publisher.send(events, positions), ledgerIndex + entries.size());
    }

    /** The ledger's entries not yet on the disclosures topic, as last committed. */
    public long unpublishedEntries() {
        return store.unpublishedEntries();
    }

    private void run() {
        // At start, so that a watchdog can subscribe to a ledger that has published nothing yet; failing here (the
        // broker away), the topics are created before the first publication.
        try {
            publisher.createTopics();
        } catch (RuntimeException e) {
            log.warn(
                    "Stream relay: the stream's topics could not be created at start, tried again before the first"
                            + " publication: {}",
                    e.getMessage());
        }
        Duration backoff = Duration.ZERO;
        // A thread left finishing a batch by stop() ends there, even if the relay was started again meanwhile.
        while (running
                && thread == Thread.currentThread()
                && !Thread.currentThread().isInterrupted()) {
            try {
                int published = relayNextBatches();
                backoff = Duration.ZERO;
                if (published == 0) {
                    pause(poll);
                }
            } catch (RuntimeException | Error e) {
                // An Error too (a batch too large for the heap, a class that no longer loads): the thread must not
                // end while the relay reports itself running. The first failure of a run is logged whole.
                metrics.disclosureFailure();
                boolean first = backoff.isZero();
                backoff = first ? FIRST_BACKOFF : min(backoff.multipliedBy(2), LONGEST_BACKOFF);
                if (first) {
                    log.warn("Stream relay: a batch was not published, will retry in {}", backoff, e);
                } else {
                    log.warn("Stream relay: a batch was not published, will retry in {}: {}", backoff, e.toString());
                }
                pause(backoff);
            }
        }
        if (running && thread == Thread.currentThread()) {
            // Only stop() is meant to end the loop. Interrupted from anywhere else, the relay has stopped publishing
            // and must not go on reporting itself running; start() can run it again.
            running = false;
            log.error("Stream relay: interrupted; nothing is published until the relay is started again");
        }
    }

    /** Waits, unless the relay is stopped meanwhile; an interrupt ends the thread's loop and the relay. */
    private void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (wakeUp) {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                try {
                    wakeUp.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Starts relaying on a thread of its own. */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "ledger-stream-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops relaying, after the turn under way (if any) committed or rolled back. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Stream relay: still finishing a turn after {}; leaving it to end", STOP_WAIT);
        }
        thread = null;
    }

    /**
     * Whether the relay is publishing: false before {@link #start}, after {@link #stop}, and once its thread was
     * interrupted.
     */
    @Override
    public boolean isRunning() {
        return running;
    }
}
