package org.disclosureledger.projections.investigation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.projections.eventstore.RequestConnections;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.disclosureledger.projections.integrity.LedgerStore.StoredCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts investigations and answers for them: each runs on a small bounded executor (a queue, then refusal), replays
 * the ledger up to its checkpoint into a fresh {@link ReplayProjection}, and stores the canonical report and its
 * SHA-256. Definitions are checked when started (the rulebook version exists, the "as of" names a signed checkpoint)
 * so that a bad one is refused before anything is stored.
 */
public class Investigations {

    private static final Logger LOG = LoggerFactory.getLogger(Investigations.class);

    /** Progress is written to the table every this many entries, so that a poll after a restart shows it. */
    private static final long PERSIST_EVERY = 50_000;

    /**
     * How often a node says it is alive, and how long without a word before other nodes take its queued and running
     * investigations as abandoned (nodes' clocks must agree to well within the difference).
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

    /** This node, among those sharing the investigation table: one id per start of the application. */
    private final String nodeId = UUID.randomUUID().toString();

    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(RequestConnections.serving(task), "investigation-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private final InvestigationStore store;
    private final LedgerStore ledger;
    private final LedgerReplay replay;
    private final RulebookLibrary rulebooks;
    private final ExecutorService executor;
    private final Clock clock;
    private final Map<InvestigationId, Running> running = new ConcurrentHashMap<>();

    Investigations(
            InvestigationStore store,
            LedgerStore ledger,
            LedgerReplay replay,
            RulebookLibrary rulebooks,
            ExecutorService executor,
            Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.replay = replay;
        this.rulebooks = rulebooks;
        this.executor = executor;
        this.clock = clock;
        interruptAbandoned();
        heartbeats.scheduleWithFixedDelay(
                this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Says this node is alive, and marks interrupted what stopped nodes left unfinished. */
    private void beat() {
        try {
            store.heartbeat(nodeId, clock.instant());
            interruptAbandoned();
        } catch (RuntimeException e) {
            // The database is away: the next beat tries again; a minute of them missed lets other nodes give up ours.
            LOG.warn("investigations: could not record this node's heartbeat: {}", e.toString());
        }
    }

    private void interruptAbandoned() {
        Instant now = clock.instant();
        int interrupted = store.interruptAbandoned(nodeId, now.minus(ABANDONED_AFTER), now);
        if (interrupted > 0) {
            LOG.warn("{} investigation(s) left unfinished by a stopped node are marked interrupted", interrupted);
        }
    }

    /**
     * Checks and stores a definition and queues its replay.
     *
     * @throws InvalidDefinition when the rulebook version or the checkpoint does not exist
     * @throws Busy              when the queue is full (nothing is kept of the refused investigation)
     */
    public InvestigationId start(InvestigationDefinition definition) {
        if (definition.rulebookVersion() != null
                && rulebooks.version(definition.rulebookVersion()).isEmpty()) {
            throw new InvalidDefinition(
                    "rulebookVersion",
                    "no rulebook version '" + definition.rulebookVersion() + "'; known versions: "
                            + rulebooks.versions().stream()
                                    .map(r -> r.version())
                                    .toList());
        }
        StoredCheckpoint checkpoint = checkpointFor(definition);
        InvestigationId id = InvestigationId.random();
        store.add(id, definition, checkpoint.treeSize(), clock.instant(), nodeId);
        Running run = new Running(checkpoint.treeSize());
        running.put(id, run);
        try {
            executor.execute(() -> run(id, definition, checkpoint, run));
        } catch (RejectedExecutionException e) {
            running.remove(id);
            store.forget(id);
            throw new Busy();
        }
        return id;
    }

    /** The investigation's state, progress and, once done, its totals. */
    public Optional<InvestigationStatus> status(InvestigationId id) {
        return store.find(id).map(row -> {
            Running run = running.get(id);
            Progress progress =
                    run != null ? run.progress() : new Progress(row.eventsRead(), row.eventsTotal(), 0, null);
            InvestigationReport.Counts counts = row.state() == InvestigationState.DONE
                    ? store.report(id).map(Investigations::counts).orElse(null)
                    : null;
            return new InvestigationStatus(
                    row.id(),
                    row.state(),
                    row.definition(),
                    row.treeSize(),
                    row.createdAt(),
                    row.startedAt(),
                    row.finishedAt(),
                    progress,
                    row.failure(),
                    row.reportSha256(),
                    counts);
        });
    }

    /** The report's canonical JSON bytes, once done. */
    public Optional<byte[]> report(InvestigationId id) {
        return store.report(id);
    }

    /** Writes the evidence bundle (a zip, see {@code docs/investigations.md}); false when there is no report yet. */
    public boolean writeBundle(InvestigationId id, OutputStream out) {
        Optional<byte[]> report = store.report(id);
        if (report.isEmpty()) {
            return false;
        }
        try {
            new EvidenceBundle(ledger, rulebooks).write(report.get(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private StoredCheckpoint checkpointFor(InvestigationDefinition definition) {
        if (definition.asOfTreeSize() != null) {
            return ledger.checkpoint(definition.asOfTreeSize())
                    .orElseThrow(() -> new InvalidDefinition(
                            "asOf.treeSize",
                            "no checkpoint was signed at tree size " + definition.asOfTreeSize()
                                    + "; the latest is "
                                    + ledger.latestCheckpoint()
                                            .map(c -> Long.toString(c.treeSize()))
                                            .orElse("none yet")));
        }
        Instant now = clock.instant();
        if (definition.asOfInstant().isAfter(now)) {
            // The latest checkpoint signed by then is not known yet: the same definition run later would replay more.
            throw new InvalidDefinition(
                    "asOf.instant",
                    "asOf.instant " + definition.asOfInstant() + " is in the future (it is " + now
                            + "): name an instant that has passed, or asOf.treeSize");
        }
        return store.checkpointSignedBy(definition.asOfInstant())
                .orElseThrow(() -> new InvalidDefinition(
                        "asOf.instant", "no checkpoint was signed at or before " + definition.asOfInstant()));
    }

    private void run(InvestigationId id, InvestigationDefinition definition, StoredCheckpoint checkpoint, Running run) {
        try {
            store.started(id, clock.instant());
            run.start();
            ReplayProjection projection = new ReplayProjection(definition, CanonicalJson.mapper());
            replay.replay(checkpoint.treeSize(), (index, type, aggregate, payload) -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new LedgerReplay.ReplayInterrupted();
                }
                if (index != projection.eventsRead()) {
                    throw new IllegalStateException("the ledger has no entry " + projection.eventsRead());
                }
                projection.accept(index, type, aggregate, payload);
                long read = run.read.incrementAndGet();
                if (read % PERSIST_EVERY == 0) {
                    store.progressed(id, read);
                }
            });
            if (projection.eventsRead() != checkpoint.treeSize()) {
                throw new IllegalStateException("the ledger has " + projection.eventsRead()
                        + " entries, fewer than the checkpoint's " + checkpoint.treeSize());
            }
            InvestigationReport report = projection.report(
                    new InvestigationReport.CheckpointRef(
                            checkpoint.treeSize(), HexFormat.of().formatHex(checkpoint.rootHash())),
                    rulebooks);
            byte[] bytes = CanonicalJson.bytes(report);
            store.done(id, projection.eventsRead(), bytes, CanonicalJson.sha256Hex(bytes), clock.instant());
        } catch (LedgerReplay.ReplayInterrupted e) {
            store.ended(id, InvestigationState.INTERRUPTED, "the ledger stopped during the replay", clock.instant());
        } catch (RuntimeException | Error e) {
            // An Error too (the heap ran out, say): otherwise the investigation would show RUNNING until a restart.
            LOG.error("investigation {} failed", id.value(), e);
            store.ended(id, InvestigationState.FAILED, String.valueOf(e.getMessage()), clock.instant());
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            running.remove(id);
        }
    }

    /**
     * Stops the replays: a running one ends as interrupted at its next entry. This node's queued ones are marked
     * interrupted by any node (this one's next start included) a minute after its last heartbeat: writing them here
     * could wait on a database that is itself shutting down.
     */
    public void close() {
        heartbeats.shutdownNow();
        executor.shutdownNow();
        replay.close();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static InvestigationReport.Counts counts(byte[] report) {
        try {
            JsonNode counts = CanonicalJson.mapper().readTree(report).get("counts");
            return CanonicalJson.mapper().treeToValue(counts, InvestigationReport.Counts.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Too many investigations are queued; the regulator should try again later. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many investigations are queued or running; try again when one has finished");
        }
    }

    /** A replay in progress: counted in memory, timed with the monotonic clock. */
    private static final class Running {
        final long total;
        final AtomicLong read = new AtomicLong();
        volatile long startedNanos;

        Running(long total) {
            this.total = total;
        }

        void start() {
            startedNanos = System.nanoTime();
        }

        Progress progress() {
            long done = read.get();
            if (startedNanos == 0 || done == 0) {
                return new Progress(done, total, 0, null);
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
            double rate = done / seconds;
            return new Progress(done, total, rate, Math.round((total - done) / rate));
        }
    }
}
