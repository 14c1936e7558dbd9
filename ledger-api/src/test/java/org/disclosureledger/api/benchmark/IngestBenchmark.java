package org.disclosureledger.api.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.projections.eventstore.ProcessorLag;
import org.disclosureledger.projections.eventstore.RequestConnections;
import org.disclosureledger.projections.history.PersonHistoryProjection;
import org.disclosureledger.projections.stream.StreamRelay;
import org.disclosureledger.projections.summary.AgencySummaryProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 8's scenario 1: recording single disclosures through the HTTP API as fast as 1, 4 and 16 clients can, each
 * against raw JDBC single-row commits of the same event bytes from as many threads into a table shaped like the event
 * table, with p50/p99 latency, and against the HTTP floor ({@link HttpFloor}: the same server, token check and JSON,
 * one INSERT per request and nothing else); and, meanwhile, how far the sequencer and the signed checkpoints trail
 * the stored events (the verifiable-ledger issue's lag figure), and the CPU each disclosure cost the application, the
 * JVM and PostgreSQL against what each raw insert cost. Nothing is measured before a minute of load at the largest
 * thread count has let the JIT compile the request path. A measurement, run by
 * {@code ./mvnw -pl ledger-api -am verify -Pbenchmark}.
 */
// Closed after its scenario, so that its processors do not compete with the next scenario for the two cores.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BenchmarkRun.Joined.class)
@Import(HttpFloor.class)
class IngestBenchmark {

    private static final List<Integer> THREAD_COUNTS = Arrays.stream(
                    System.getProperty("benchmark.ingest.threads", "1,4,16").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    private static final Duration RUN_FOR = Duration.ofSeconds(Long.getLong("benchmark.ingest.seconds", 10));
    /**
     * Load at the largest thread count before anything is measured, so that the figures describe the application
     * once the JIT has compiled its paths rather than the first seconds of a fresh JVM (which spends most of them
     * compiling, on the same two cores).
     */
    private static final Duration WARM_UP_FOR =
            Duration.ofSeconds(Long.getLong("benchmark.ingest.warm-up-seconds", 60));
    /** Raw JDBC is a few lines of code: a short warm-up compiles it. */
    private static final Duration RAW_WARM_UP_FOR = Duration.ofSeconds(5);
    /** The HTTP floor shares the request path the ledger's warm-up compiled; its own few lines need little more. */
    private static final Duration FLOOR_WARM_UP_FOR = Duration.ofSeconds(10);

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    /** How long after an event's global index was seen no event below it can still be stored (the lag sampler). */
    private static final Duration SETTLED = Duration.ofSeconds(1);

    private static final String SCENARIO = "1 ingest";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    StreamRelay relay;

    @Autowired
    EventStore eventStore;

    @Autowired
    ProcessorLag processorLag;

    @Test
    void recordingThroughTheApiAgainstRawJdbcWithTheLedgersLag() throws Exception {
        BenchmarkReport report = new BenchmarkReport();
        try (KeepAliveClient client = new KeepAliveClient(port, TestTokens.recorder("CA"))) {
            measure(report, client);
        }
    }

    private void measure(BenchmarkReport report, KeepAliveClient client) throws Exception {
        int mostThreads = THREAD_COUNTS.stream().max(Integer::compare).orElseThrow();
        run(mostThreads, WARM_UP_FOR, n -> require(post(client, "/api/v1/disclosures", disclosure("warm-" + n))));
        CaughtUp.await(processing, eventStore, CATCH_UP_TIMEOUT, relay);

        Map<String, Object> stored = jdbc.queryForMap(
                "select payload, meta_data, payload_type from domain_event_entry order by global_index desc limit 1");
        jdbc.execute("create table bench_raw_event (global_index bigserial primary key,"
                + " event_identifier varchar(255) not null unique, aggregate_identifier varchar(255) not null,"
                + " sequence_number bigint not null, type varchar(255), time_stamp varchar(255) not null,"
                + " payload_type varchar(255) not null, payload_revision varchar(255), payload bytea not null,"
                + " meta_data bytea, unique (aggregate_identifier, sequence_number))"
                // Only ever inserted into: vacuuming it would take a core from the application's next phase
                // (autovacuum did, for half of the 16-client phase, after the raw phases at 1 and 4 threads).
                + " with (autovacuum_enabled = false)");

        LagSampler sampler = new LagSampler(jdbc, processorLag);
        AtomicLong rawRows = new AtomicLong();
        double lastApiRate = 0;
        for (int phase = 0; phase < THREAD_COUNTS.size(); phase++) {
            int threads = THREAD_COUNTS.get(phase);
            // On the requests' pool, so that its reads take no connection from the processors it watches.
            Thread sampling = new Thread(RequestConnections.serving(sampler), CpuUse.CLIENT_PREFIX + "lag-sampler");
            AutoVacuumWorkers autoVacuum = new AutoVacuumWorkers(jdbc);
            sampler.resume(autoVacuum);
            sampling.start();
            String batch = "p" + phase + "t" + threads;
            StatementStats statements = StatementStats.start(jdbc);
            Load api = run(
                    threads, RUN_FOR, n -> require(post(client, "/api/v1/disclosures", disclosure(batch + "-" + n))));
            sampler.stop();
            sampling.join();
            System.out.println("Autovacuum during the API phase, " + threads + " clients: " + autoVacuum.summary());
            statements.print("API phase, " + threads + " clients");
            writeCalls(api, "api-" + threads + "-clients");
            // The raw ceiling, and the next phase, on cores the processors' backlog no longer shares.
            long catchUpNanos = CaughtUp.await(processing, eventStore, CATCH_UP_TIMEOUT, relay);
            if (phase == 0) {
                run(mostThreads, RAW_WARM_UP_FOR, n -> insertRaw(rawRows.getAndIncrement(), stored));
            }
            Load raw = run(threads, RUN_FOR, n -> insertRaw(rawRows.getAndIncrement(), stored));
            if (phase == 0) {
                run(mostThreads, FLOOR_WARM_UP_FOR, n -> require(post(client, HttpFloor.PATH, disclosure("fw-" + n))));
            }
            Load floor =
                    run(threads, RUN_FOR, n -> require(post(client, HttpFloor.PATH, disclosure(batch + "-f" + n))));
            lastApiRate = api.perSecond();

            report.add(new BenchmarkReport.Row(
                    SCENARIO,
                    "single disclosures, " + threads + " HTTP clients vs raw JDBC",
                    api.perSecond(),
                    raw.perSecond(),
                    "disclosures/s",
                    "API: HTTP + JSON + pseudonymisation + Axon command, aggregate load and event append, while the "
                            + "sequencer, history, summaries and stream processors run in the same JVM and database;"
                            + " raw: one INSERT of the same event bytes per commit into a table shaped like the event"
                            + " table, no processors"));
            report.add(latencyRow("p50", threads, api, raw, 50));
            report.add(latencyRow("p99", threads, api, raw, 99));
            report.add(new BenchmarkReport.Row(
                    SCENARIO,
                    "  HTTP floor, " + threads + " HTTP clients vs raw JDBC",
                    floor.perSecond(),
                    raw.perSecond(),
                    "requests/s",
                    "floor: the same server, bearer-token check and JSON body, one INSERT per request and nothing else"
                            + " (HttpFloor): the most this application's stack (Tomcat, Spring MVC and Security,"
                            + " Jackson, one commit per request) reaches here at that thread count; raw as above"));
            report.add(new BenchmarkReport.Row(
                    SCENARIO,
                    "  single disclosures vs the HTTP floor, " + threads + " clients",
                    api.perSecond(),
                    floor.perSecond(),
                    "disclosures/s",
                    "the share of the floor's rate the ledger keeps: what the token's claims and role rules,"
                            + " pseudonymisation, the Axon command, the event append and the processors cost on top"
                            + " of the floor (which also ran without the lag sampler and with idle processors)"));
            report.add(new BenchmarkReport.Row(
                    SCENARIO,
                    "  HTTP floor latency p99, " + threads + " clients vs raw JDBC commit",
                    floor.latencies().at(99) / 1_000_000.0,
                    raw.latencies().at(99) / 1_000_000.0,
                    "ms",
                    "request sent to response read by the benchmark's HTTP client; raw: one INSERT's commit"));
            report.add(CpuUse.row(
                    SCENARIO,
                    "  CPU per HTTP floor request, " + threads + " clients vs raw JDBC",
                    floor.cpu(),
                    floor.count(),
                    raw.cpu(),
                    raw.count(),
                    "request",
                    "over the floor's phase; raw: per insert"));
            report.add(CpuUse.row(
                    SCENARIO,
                    "CPU per disclosure, " + threads + " clients vs raw JDBC",
                    api.cpu(),
                    api.count(),
                    raw.cpu(),
                    raw.count(),
                    "disclosure",
                    "over the phase"));
            report.add(new BenchmarkReport.Row(
                    SCENARIO,
                    "disclosures/s " + CpuUse.cores() + " cores allow at that cost, " + threads + " clients",
                    CpuUse.cores() * 1000 / api.cpuMillisEach(),
                    CpuUse.cores() * 1000 / raw.cpuMillisEach(),
                    "disclosures/s",
                    "every core busy at the CPU cost above: the most this machine can record, whatever the threads"));
            report.add(new BenchmarkReport.Row(
                    SCENARIO,
                    "  processors caught up after the phase, " + threads + " clients",
                    catchUpNanos / 1e9,
                    null,
                    "s",
                    "from the last response until the sequencer, history, summaries and stream processors had handled"
                            + " every stored event; near 0 when they kept pace with the API"));
            if (api.count() == 0 || raw.count() == 0 || floor.count() == 0) {
                throw new AssertionError(
                        "invalid run: api " + api.count() + ", raw " + raw.count() + ", floor " + floor.count());
            }
        }
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "sequencer lag behind the event store, mean",
                sampler.sequencerLag.mean(),
                null,
                "entries",
                "single-threaded sequencer, batches of ledger.sequencer.batch-size"));
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "sequencer lag behind the event store, max",
                sampler.sequencerLag.max(),
                null,
                "entries",
                "as above"));
        for (Map.Entry<String, Stats> readModel : sampler.readModelLag.entrySet()) {
            String processor = readModel.getKey();
            Stats lag = readModel.getValue();
            report.add(new BenchmarkReport.Row(
                    SCENARIO,
                    processor + " lag behind the event store, mean",
                    lag.mean(),
                    null,
                    "events",
                    "sampled every 100 ms in the API phases, from the processor's stored tokens (ProcessorLag, the"
                            + " gauge operators see): whether the read model kept pace with the API"));
            report.add(new BenchmarkReport.Row(
                    SCENARIO, processor + " lag behind the event store, max", lag.max(), null, "events", "as above"));
            report.add(new BenchmarkReport.Row(
                    SCENARIO,
                    processor + " lag behind the event store, at the end of the last phase",
                    lag.last(),
                    null,
                    "events",
                    "the last sample: near the max when the read model fell further behind all through the phase"));
        }
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "checkpoint lag behind the event store, mean",
                sampler.checkpointLag.mean(),
                null,
                "entries",
                "a checkpoint every ledger.checkpoint.every-entries (1,000) or ledger.checkpoint.every (5 s)"));
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "checkpoint lag behind the event store, max",
                sampler.checkpointLag.max(),
                null,
                "entries",
                "as above"));
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "checkpoint lag at the ingest rate, max",
                sampler.checkpointLag.max() / lastApiRate,
                null,
                "s",
                "the max entries above divided by the API's rate at " + THREAD_COUNTS.get(THREAD_COUNTS.size() - 1)
                        + " clients"));

        System.out.println(report.table());
        System.out.println("JSON: " + report.writeJson(SCENARIO).toAbsolutePath());
        BenchmarkRun.record(report);
        if (sampler.sequencerLag.count == 0) {
            throw new AssertionError("invalid run: the lag was never sampled");
        }
    }

    private static BenchmarkReport.Row latencyRow(String which, int threads, Load api, Load raw, double percentile) {
        return new BenchmarkReport.Row(
                SCENARIO,
                "latency " + which + ", " + threads + " clients vs raw JDBC commit",
                api.latencies().at(percentile) / 1_000_000.0,
                raw.latencies().at(percentile) / 1_000_000.0,
                "ms",
                "as above; a ratio above 1 is slower than raw");
    }

    private static Map<String, Object> disclosure(String id) {
        String suffix = RUN + "-" + id;
        return Examples.disclosure(
                "bench-" + suffix, ("B" + suffix).toUpperCase().replace("-", ""));
    }

    /**
     * With {@code -Dbenchmark.ingest.calls-dir=DIR}, writes each call of a phase to {@code DIR/NAME.csv}: when it
     * finished (ms since the phase began) and how long it took (ms), for finding what the slowest calls had in common
     * (a GC log with {@code -Xlog:gc:file=...:time} lines up with the phase start in the first line).
     */
    private static void writeCalls(Load load, String name) throws IOException {
        String dir = System.getProperty("benchmark.ingest.calls-dir");
        if (dir == null) {
            return;
        }
        StringBuilder csv = new StringBuilder("# phase began " + load.startedAt() + "\nfinished_ms,latency_ms\n");
        for (int i = 0; i < load.count(); i++) {
            csv.append(load.finishedNanos()[i] / 1e6)
                    .append(',')
                    .append(load.latencyNanos()[i] / 1e6)
                    .append('\n');
        }
        Files.createDirectories(Path.of(dir));
        Files.writeString(Path.of(dir, name + ".csv"), csv);
    }

    private static KeepAliveClient.Response post(KeepAliveClient client, String path, Map<String, Object> body) {
        return client.post(path, LedgerClient.json(body));
    }

    private static void require(KeepAliveClient.Response response) {
        if (response.status() != 201) {
            throw new AssertionError("recording refused: " + response.status() + " " + response.body());
        }
    }

    /** One commit, on a connection of the pool that serves requests, as the API's are. */
    private void insertRaw(long n, Map<String, Object> stored) {
        try (RequestConnections.Serving serving = RequestConnections.serving();
                Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into bench_raw_event"
                        + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) values (?, ?, 0, 'Disclosure', ?,"
                        + " ?, '1', ?, ?)")) {
            connection.setAutoCommit(true);
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "raw-" + n);
            insert.setString(3, Instant.now().toString());
            insert.setString(4, (String) stored.get("payload_type"));
            insert.setBytes(5, (byte[]) stored.get("payload"));
            insert.setBytes(6, (byte[]) stored.get("meta_data"));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a load of {@code threads} callers achieved: completed calls, wall time, each call's latency, CPU used. */
    private record Load(
            long count, long nanos, long[] latencyNanos, long[] finishedNanos, Instant startedAt, CpuUse.Sample cpu) {

        double perSecond() {
            return count / (nanos / 1e9);
        }

        double cpuMillisEach() {
            return cpu.total() / 1e6 / count;
        }

        Percentiles latencies() {
            return new Percentiles(latencyNanos);
        }
    }

    private interface Call {
        void run(long n) throws Exception;
    }

    /** Calls {@code call} from {@code threads} threads, back to back, for {@code duration}. */
    private static Load run(int threads, Duration duration, Call call) throws Exception {
        AtomicLong named = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(
                threads, task -> new Thread(task, CpuUse.CLIENT_PREFIX + named.incrementAndGet()));
        AtomicLong sequence = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<long[]> calls = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                start.await();
                while (running.get()) {
                    long began = System.nanoTime();
                    call.run(sequence.getAndIncrement());
                    long finished = System.nanoTime();
                    calls.add(new long[] {finished, finished - began});
                }
                return null;
            }));
        }
        CpuUse.Sample cpuBefore = CpuUse.now();
        long began = System.nanoTime();
        Instant startedAt = Instant.now();
        start.countDown();
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        long nanos = System.nanoTime() - began;
        CpuUse.Sample cpu = CpuUse.now().since(cpuBefore);
        pool.shutdown();
        return new Load(
                calls.size(),
                nanos,
                calls.stream().mapToLong(done -> done[1]).toArray(),
                calls.stream().mapToLong(done -> done[0] - began).toArray(),
                startedAt,
                cpu);
    }

    /**
     * Samples, every {@link #SAMPLE_EVERY}, how many events are stored, sequenced and under a signed checkpoint, and
     * what the server's autovacuum workers are doing.
     */
    private static final class LagSampler implements Runnable {

        private final JdbcTemplate jdbc;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final Stats sequencerLag = new Stats();
        final Stats checkpointLag = new Stats();
        /** Each read model's lag, by the name of the processor that builds it, in the report's order. */
        final Map<String, Stats> readModelLag = new TreeMap<>(Map.of(
                PersonHistoryProjection.PROCESSING_GROUP, new Stats(),
                AgencySummaryProjection.PROCESSING_GROUP, new Stats()));

        private final ProcessorLag processorLag;
        private AutoVacuumWorkers autoVacuum;

        LagSampler(JdbcTemplate jdbc, ProcessorLag processorLag) {
            this.jdbc = jdbc;
            this.processorLag = processorLag;
        }

        @Override
        public void run() {
            // The whole table is counted once per phase; each sample counts only the events stored since a base,
            // a range of the primary key. The base follows the newest event a second behind: a request holds its
            // event's global index for milliseconds before it commits, so no event at or below the newest index seen
            // a second ago can still appear. (Counting the whole table took 5-7 ms of PostgreSQL's CPU per sample, a
            // twentieth of a core; counting from the phase's start up to 5 ms at 16 clients, a tenth of the
            // statements' time in the phase.)
            Map<String, Object> base = jdbc.queryForMap(
                    "select count(*) counted, coalesce(max(global_index), 0) up_to from domain_event_entry");
            long counted = ((Number) base.get("counted")).longValue();
            long upTo = ((Number) base.get("up_to")).longValue();
            long phaseCounted = counted;
            long phaseUpTo = upTo;
            // The newest global index each sample saw, and when: {nanoTime, global index}.
            ArrayDeque<long[]> seen = new ArrayDeque<>();
            while (running.get()) {
                long settledTo = upTo;
                while (!seen.isEmpty() && System.nanoTime() - seen.peekFirst()[0] >= SETTLED.toNanos()) {
                    settledTo = seen.pollFirst()[1];
                }
                Map<String, Object> row = jdbc.queryForMap(
                        "select s.settled, s.added, s.newest,"
                                + " (select coalesce(max(ledger_index) + 1, 0) from ledger_entry) sequenced,"
                                + " (select coalesce(max(tree_size), 0) from ledger_checkpoint) checkpointed"
                                + " from (select count(*) filter (where global_index <= ?) settled, count(*) added,"
                                + " coalesce(max(global_index), ?) newest from domain_event_entry"
                                + " where global_index > ?) s",
                        settledTo,
                        upTo,
                        upTo);
                long stored = counted + ((Number) row.get("added")).longValue();
                counted += ((Number) row.get("settled")).longValue();
                upTo = settledTo;
                seen.addLast(new long[] {System.nanoTime(), ((Number) row.get("newest")).longValue()});
                sequencerLag.add(stored - ((Number) row.get("sequenced")).longValue());
                checkpointLag.add(stored - ((Number) row.get("checkpointed")).longValue());
                readModelLag.forEach((processor, lag) -> lag.add(processorLag.of(processor)));
                autoVacuum.sample();
                try {
                    Thread.sleep(SAMPLE_EVERY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            // The second's assumption, checked: an event committed more than a second after a later one was seen
            // fell below the base uncounted, and the sequencer's and the checkpoints' lags read low by it.
            long storedInPhase = jdbc.queryForObject(
                    "select count(*) from domain_event_entry where global_index > ? and global_index <= ?",
                    Long.class,
                    phaseUpTo,
                    upTo);
            System.out.println("Lag sampler: events stored during the phase but not counted (committed more than "
                    + SETTLED.toSeconds() + " s after a later one): " + (storedInPhase - (counted - phaseCounted)));
        }

        void stop() {
            running.set(false);
        }

        /** Samples again, noting the autovacuum workers' work in {@code phaseAutoVacuum} too. */
        void resume(AutoVacuumWorkers phaseAutoVacuum) {
            autoVacuum = phaseAutoVacuum;
            running.set(true);
        }
    }

    private static final class Stats {
        private long count;
        private double sum;
        private double max;
        private double last;

        synchronized void add(double value) {
            count++;
            sum += value;
            max = Math.max(max, value);
            last = value;
        }

        /** The latest sample: at the end of the last phase once the sampler has stopped. */
        synchronized double last() {
            return last;
        }

        synchronized double mean() {
            return count == 0 ? 0 : sum / count;
        }

        synchronized double max() {
            return max;
        }
    }
}
