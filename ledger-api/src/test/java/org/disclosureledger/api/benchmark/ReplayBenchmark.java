package org.disclosureledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.rulebook.Rulebook;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.disclosureledger.projections.history.PersonHistoryProjection;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.disclosureledger.projections.integrity.SequencerConfiguration;
import org.disclosureledger.projections.investigation.InvestigationDefinition;
import org.disclosureledger.projections.investigation.InvestigationId;
import org.disclosureledger.projections.investigation.InvestigationState;
import org.disclosureledger.projections.investigation.InvestigationStatus;
import org.disclosureledger.projections.investigation.Investigations;
import org.disclosureledger.projections.summary.AgencySummaryProjection;
import org.disclosureledger.projections.testing.CatchUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 6's replay figure: an investigation's replay rate in events per second over {@value #DEFAULT_EVENTS} stored
 * events (one in ten in scope), against the ceiling of reading the same rows with the same query and fetch size and
 * doing nothing with them. The events are stored straight through Axon's event store in batches (the aggregate's
 * decisions are not what is measured), sequenced by the ledger's sequencer and covered by a signed checkpoint before
 * the clock starts; the live read models' processors are stopped meanwhile. After the replays, the person history and
 * then the agency summaries are started, each alone, and timed until they have handled every stored event: what an
 * operator waits for after an outage or a rebuild. Last, the agency summaries catch up on
 * {@value #OVERLAPPING_BULKS} bulk disclosures of the same people chunked in different orders, with PostgreSQL's count
 * of deadlocks meanwhile. A measurement, run by
 * {@code ./mvnw -pl ledger-api -am verify -Pbenchmark -Dtest=ReplayBenchmark}, never by the test suite; it fails only
 * when the run is invalid (the replay did not finish or read too few events, or the summaries miscounted the
 * overlapping disclosures).
 */
// Closed after its scenario, so that its processors do not compete with the next scenario for the two cores.
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"ledger.checkpoint.poll=1h", "ledger.stream.enabled=false"})
@Import(ReplayBenchmark.NoRules.class)
@ExtendWith(BenchmarkRun.Joined.class)
class ReplayBenchmark {

    private static final int DEFAULT_EVENTS = 200_000;
    private static final int EVENTS = Integer.getInteger("benchmark.replay.events", DEFAULT_EVENTS);
    private static final int BATCH = 2_000;
    /**
     * Replays before the measured one, the first of them reported as the cold figure. One was not enough: on 2026-12-06
     * the replays after the first went at 21,042, 31,164, 34,354 and 35,202 events/s, the JIT compiling 2.1 s during
     * the second and 0.3-0.6 s during the later ones, and the sixth, measured, at 38,270.
     */
    private static final int WARM_UP_REPLAYS = Integer.getInteger("benchmark.replay.warm-up-replays", 5);

    private static final int THREADS = 2;
    private static final Duration PATIENCE = Duration.ofMinutes(20);
    private static final String SCENARIO = "3 replay";
    private static final Duration STATISTICS_SETTLE = Duration.ofSeconds(11);
    private static final Pseudonymiser PEOPLE = TestLedger.pseudonymiser();
    private static final int OVERLAPPING_BULKS = 6;
    /** An agency of their own, so that their cells count nothing else. */
    private static final String OVERLAPPING_AGENCY = "us-dhs-uscis";

    private static final int OVERLAPPING_PEOPLE = 60_000;
    private static final int OVERLAPPING_CHUNKS = 6;

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    /** No rulebook version in force: every disclosure is unjudged, so the figure is the replay's alone. */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoRules {
        @Bean
        @Primary
        RulebookLibrary noRules() {
            return new RulebookLibrary() {
                @Override
                public String name() {
                    return "no-rules";
                }

                @Override
                public List<Rulebook> versions() {
                    return List.of();
                }

                @Override
                public Optional<Rulebook> version(String version) {
                    return Optional.empty();
                }

                @Override
                public Optional<Rulebook> inForceAt(Instant instant) {
                    return Optional.empty();
                }
            };
        }
    }

    @Autowired
    EventStore events;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    LedgerStore ledger;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    Investigations investigations;

    @Test
    void replayAgainstReadingTheSameRows() throws Exception {
        // Only the sequencer runs: the live read models would otherwise compete for the two cores while the events
        // are stored and replayed, and an investigation never needs them.
        processing.eventProcessors().forEach((name, processor) -> {
            if (!name.equals(SequencerConfiguration.PROCESSING_GROUP)) {
                processor.shutDown();
            }
        });
        long storeStarted = System.nanoTime();
        store(EVENTS);
        double storeSeconds = seconds(System.nanoTime() - storeStarted);
        awaitSequenced(EVENTS);
        double sequencedSeconds = seconds(System.nanoTime() - storeStarted);
        checkpointer.signNow();
        long treeSize = ledger.latestCheckpoint().orElseThrow().treeSize();

        CpuUse.Sample rawBefore = CpuUse.now();
        double rawRate = treeSize / seconds(readRows(treeSize));
        CpuUse.Sample rawCpu = CpuUse.now().since(rawBefore);

        // The first replays compile the replay path; the measured one runs it as a long-lived node would.
        double coldSeconds = replay(treeSize).seconds();
        for (int warming = 1; warming < WARM_UP_REPLAYS; warming++) {
            replay(treeSize);
        }
        Compiling compiling = Compiling.since();
        CpuUse.Sample cpuBefore = CpuUse.now();
        Replay measured = replay(treeSize);
        CpuUse.Sample replayCpu = CpuUse.now().since(cpuBefore);
        long compiledMillis = compiling.millis();
        InvestigationStatus status = measured.status();
        double replaySeconds = measured.seconds();
        double replayRate = treeSize / replaySeconds;

        // What an operator waits for after a rebuild or an outage: each read model alone catching up on the same
        // events (stored with its processor stopped), on cores nothing else uses.
        double historyRate = treeSize / catchUp(PersonHistoryProjection.PROCESSING_GROUP);
        double summariesRate = treeSize / catchUp(AgencySummaryProjection.PROCESSING_GROUP);

        // The same population disclosed again and again to one agency in one month, each time chunked in another
        // order: the summaries' segments add the same people to one group at once.
        storeOverlappingBulks();
        awaitSequenced(treeSize + OVERLAPPING_BULKS * (OVERLAPPING_CHUNKS + 2L));
        long deadlocksBefore = settledDeadlocks();
        double overlappingSeconds = catchUp(AgencySummaryProjection.PROCESSING_GROUP);
        long overlappingDeadlocks = settledDeadlocks() - deadlocksBefore;
        long overlappingListings = (long) OVERLAPPING_BULKS * OVERLAPPING_PEOPLE;

        BenchmarkReport report = new BenchmarkReport();
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "investigation replay over " + treeSize + " events ("
                        + status.counts().disclosures() + " in scope)",
                replayRate,
                rawRate,
                "events/s",
                "start to DONE as a regulator sees it (queue, replay, report, storing it); each row is read through "
                        + "PgJDBC in one read-only transaction, 1,000 rows a fetch, and its JSON payload "
                        + "deserialised into the event record (Jackson 2) and folded in memory; ceiling: the same "
                        + "query, same fetch size, each row's columns read and dropped; measured on replay "
                        + (WARM_UP_REPLAYS + 1) + " of the same events, the JIT compiling "
                        + String.format("%,d", compiledMillis) + " ms (summed over its threads) meanwhile"));
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "first replay, JIT not yet warm",
                treeSize / coldSeconds,
                rawRate,
                "events/s",
                "as above, the first time this JVM replays"));
        report.add(CpuUse.row(
                SCENARIO,
                "CPU per 1,000 events replayed vs read raw",
                replayCpu,
                treeSize / 1000.0,
                rawCpu,
                treeSize / 1000.0,
                "1,000 events",
                "during the measured replay"));
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "person history catching up on the same events alone",
                historyRate,
                rawRate,
                "events/s",
                "the person-history processor started on every stored event, its rows written per batch; from start"
                        + " until every segment stored a token at the head"));
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "agency summaries catching up on the same events alone",
                summariesRate,
                rawRate,
                "events/s",
                "as above for the agency-summaries processor; every disclosure here counts in one of six cells, as"
                        + " most disclosures to one agency in a month share theirs"));
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "agency summaries catching up on " + OVERLAPPING_BULKS + " bulk disclosures of the same "
                        + OVERLAPPING_PEOPLE + " people",
                overlappingListings / overlappingSeconds,
                null,
                "subjects/s",
                "listings (each person once per disclosure) a second; one agency, state, purpose and month; each"
                        + " disclosure's " + OVERLAPPING_CHUNKS + " chunks hold the people in another order, and its"
                        + " events run in its own segment, so segments add the same people to one group at once; "
                        + overlappingDeadlocks + " deadlock(s) reported by PostgreSQL meanwhile"));
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "  deadlocks while catching up on the overlapping bulk disclosures",
                overlappingDeadlocks,
                null,
                "deadlocks",
                "pg_stat_database.deadlocks of the test database, before and after, each read once every"
                        + " backend has reported its statistics (PostgreSQL reports an idle backend's within 10 s);"
                        + " each deadlock rolls a batch back"));
        System.out.println();
        System.out.print(report.table());
        for (BenchmarkReport.Row row : report.rows()) {
            System.out.println("  " + row.figure() + ": limited by " + row.limitedBy());
        }
        System.out.printf(
                "  stored %d events in %.1f s through the event store; all sequenced after %.1f s%n",
                EVENTS, storeSeconds, sequencedSeconds);
        System.out.println("JSON: " + report.writeJson(SCENARIO).toAbsolutePath());
        BenchmarkRun.record(report);
        assertThat(status.progress().eventsRead()).isEqualTo(treeSize);
        assertThat(status.counts().disclosures()).isEqualTo(EVENTS / 10);
        assertThat(jdbc.queryForList(
                        "select disclosures, subjects from summary_cell where recipient_agency_id = ?",
                        OVERLAPPING_AGENCY))
                .as("the overlapping disclosures' cells: one per category, each counting every person once")
                .hasSize(2)
                .allSatisfy(cell -> assertThat(List.of(
                                ((Number) cell.get("disclosures")).longValue(),
                                ((Number) cell.get("subjects")).longValue()))
                        .containsExactly((long) OVERLAPPING_BULKS, (long) OVERLAPPING_PEOPLE));
    }

    /**
     * Stores {@link #OVERLAPPING_BULKS} bulk disclosures (opened, chunks, sealed) of the same made-up people, each
     * with the people in another order, straight into the event store.
     */
    private void storeOverlappingBulks() {
        List<PersonRef> population = new ArrayList<>(OVERLAPPING_PEOPLE);
        for (int i = 0; i < OVERLAPPING_PEOPLE; i++) {
            population.add(PEOPLE.pseudonymise(new StateCode("CA"), "OVERLAP" + i + "X"));
        }
        int perChunk = OVERLAPPING_PEOPLE / OVERLAPPING_CHUNKS;
        DisclosureDetails replayed = recorded("overlap", 0).details();
        DisclosureDetails details = new DisclosureDetails(
                replayed.occurredAt(),
                replayed.custodian(),
                replayed.disclosingSystem(),
                replayed.releasingOfficial(),
                new Recipient(
                        new AgencyId(OVERLAPPING_AGENCY),
                        "U.S. Citizenship and Immigration Services",
                        null,
                        "Camp Springs, MD"),
                replayed.requester(),
                replayed.purpose(),
                replayed.legalAuthority(),
                replayed.dataCategories(),
                replayed.mode(),
                replayed.accessWindow(),
                replayed.recordCount());
        for (int bulk = 0; bulk < OVERLAPPING_BULKS; bulk++) {
            String id = "overlap-" + bulk;
            List<PersonRef> order = new ArrayList<>(population);
            Collections.shuffle(order, new Random(bulk));
            List<GenericDomainEventMessage<?>> stream = new ArrayList<>();
            Instant at = Instant.parse("2025-06-15T10:00:00Z");
            stream.add(new GenericDomainEventMessage<>(
                    "Disclosure", id, 0, new BulkDisclosureOpened(new DisclosureId(id), at, details, null, id)));
            for (int chunk = 0; chunk < OVERLAPPING_CHUNKS; chunk++) {
                stream.add(new GenericDomainEventMessage<>(
                        "Disclosure",
                        id,
                        chunk + 1,
                        new BulkSubjectsAttached(
                                new DisclosureId(id),
                                chunk + 1,
                                (long) chunk * perChunk,
                                order.subList(chunk * perChunk, (chunk + 1) * perChunk),
                                BenchmarkKafka.sha256Hex(id + chunk),
                                at)));
            }
            stream.add(new GenericDomainEventMessage<>(
                    "Disclosure",
                    id,
                    OVERLAPPING_CHUNKS + 1,
                    new BulkDisclosureSealed(
                            new DisclosureId(id), OVERLAPPING_PEOPLE, OVERLAPPING_CHUNKS, "f".repeat(64), at)));
            events.publish(stream);
        }
    }

    /**
     * The deadlocks PostgreSQL has counted in the test database, read once every backend has reported: a backend
     * reports its statistics at most once a second while busy, and within 10 s once idle.
     */
    private long settledDeadlocks() throws InterruptedException {
        Thread.sleep(STATISTICS_SETTLE.toMillis());
        return jdbc.queryForObject(
                "select deadlocks from pg_stat_database where datname = current_database()", Long.class);
    }

    private void store(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong next = new AtomicLong();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    for (long first = next.getAndAdd(BATCH); first < count; first = next.getAndAdd(BATCH)) {
                        List<GenericDomainEventMessage<DisclosureRecorded>> batch = new ArrayList<>(BATCH);
                        for (long i = first; i < Math.min(count, first + BATCH); i++) {
                            String id = "replay-" + i;
                            batch.add(new GenericDomainEventMessage<>("Disclosure", id, 0, recorded(id, i)));
                        }
                        events.publish(batch);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static DisclosureRecorded recorded(String id, long i) {
        boolean inScope = i % 10 == 0;
        DisclosureDetails details = new DisclosureDetails(
                Instant.parse("2025-06-15T09:30:00Z"),
                new Custodian(new StateCode(i % 2 == 0 ? "CA" : "IL"), "State Medicaid agency"),
                "medi-cal-eligibility-extract",
                "Chief Privacy Officer",
                new Recipient(
                        new AgencyId(inScope ? "us-hhs-oig" : "us-dhs-ice"),
                        inScope ? "HHS Office of Inspector General" : "U.S. Immigration and Customs Enforcement",
                        null,
                        "Washington, DC"),
                null,
                new Purpose(inScope ? PurposeOfUse.OVERSIGHT : PurposeOfUse.LAW, "as stated"),
                new LegalAuthority(List.of("5 U.S.C. 552a(b)(7)"), null),
                List.of(DataCategory.NAME, DataCategory.ADDRESS),
                DisclosureMode.BULK_FILE,
                null,
                1);
        return new DisclosureRecorded(
                new DisclosureId(id),
                Instant.parse("2025-06-15T10:00:00Z"),
                details,
                List.of(PEOPLE.pseudonymise(new StateCode("CA"), "REPLAY" + i + "X")),
                null,
                BenchmarkKafka.sha256Hex(id));
    }

    /** Reads the replay's rows with its query and fetch size, doing nothing with them; returns the nanoseconds. */
    private long readRows(long treeSize) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1_000);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        AtomicLong rows = new AtomicLong();
        long started = System.nanoTime();
        readOnly.executeWithoutResult(s -> streaming.query(
                """
                        select e.ledger_index, d.payload_type, d.aggregate_identifier, d.payload
                        from ledger_entry e join domain_event_entry d on d.event_identifier = e.event_identifier
                        where e.ledger_index < ? order by e.ledger_index""",
                rs -> {
                    rs.getLong(1);
                    rs.getString(2);
                    rs.getString(3);
                    rs.getBytes(4);
                    rows.incrementAndGet();
                },
                treeSize));
        long elapsed = System.nanoTime() - started;
        assertThat(rows.get()).isEqualTo(treeSize);
        return elapsed;
    }

    private void awaitSequenced(long expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (ledger.size() < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "the sequencer gave " + ledger.size() + " of " + expected + " events an index in " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }

    private record Replay(InvestigationStatus status, double seconds) {}

    /** Starts an investigation over the first {@code treeSize} entries and waits until it is done. */
    private Replay replay(long treeSize) throws InterruptedException {
        long started = System.nanoTime();
        InvestigationId id = investigations.start(new InvestigationDefinition(
                Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"),
                List.of(new AgencyId("us-hhs-oig")),
                List.of(),
                List.of(),
                List.of(),
                null,
                treeSize,
                null));
        InvestigationStatus status = awaitDone(id);
        return new Replay(status, seconds(System.nanoTime() - started));
    }

    private InvestigationStatus awaitDone(InvestigationId id) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        InvestigationStatus status = investigations.status(id).orElseThrow();
        while (status.state() == InvestigationState.QUEUED || status.state() == InvestigationState.RUNNING) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the replay did not finish in " + PATIENCE);
            }
            Thread.sleep(20);
            status = investigations.status(id).orElseThrow();
        }
        assertThat(status.state()).as(status.failure()).isEqualTo(InvestigationState.DONE);
        return status;
    }

    /** Starts a stopped processor and returns the seconds it took to handle every stored event. */
    private double catchUp(String processorName) {
        StreamingEventProcessor processor = processing
                .eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow();
        long started = System.nanoTime();
        processor.start();
        CatchUp.await(processor, events, PATIENCE);
        double seconds = seconds(System.nanoTime() - started);
        processor.shutDown();
        return seconds;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
