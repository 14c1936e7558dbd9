package org.disclosureledger.projections.stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventData;
import org.disclosureledger.projections.eventstore.RequestConnections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Scenario 4's floors: relays in benchmark code that read the stored events with plain JDBC on several threads (the
 * settings of the Axon processor that published the stream before {@link StreamRelay}, so that runs compare), and
 * send them with the stream's own producer settings, to the same broker as the relay under test. Each runs over
 * {@code segments} threads (each holding one pooled connection for the run), one disclosure's events in one thread,
 * in batches: read the next window of entries in ledger order (a batch for each thread) and keep this thread's, send
 * them, wait for all of their acknowledgements, then store the thread's position and commit, so that what it
 * guarantees (nothing passed over unpublished) is the publisher's. Every thread reads every entry of a window, so
 * PostgreSQL reads each entry {@code segments} times.
 *
 * <ul>
 *   <li>{@link Messages#STORED_BYTES}: each stored payload is sent as it is, without a CloudEvent around it: what this
 *       relay costs before it builds a message. The stored events name their subjects by pseudonym, which the real
 *       stream never carries, so this goes to a topic of the benchmark's own on its test broker only;
 *   <li>{@link Messages#CURATED}: each payload is read as the publisher reads it ({@link StoredPayload}, but not
 *       through the event store's upcasters) and made into the stream's CloudEvent by the stream's own
 *       {@link DisclosureMessages};
 *       the filter attributes of disclosures whose first event in a batch is a follow-on are read from the event
 *       store, as the publisher does.
 *       Not done: checkpoints, alerts and metrics.
 * </ul>
 *
 * <p>Benchmark code only. It sits in the stream's package to use its package-private message building and store.
 */
public final class RelayFloor implements AutoCloseable {

    /** What each event becomes on the topic. */
    public enum Messages {
        STORED_BYTES,
        CURATED
    }

    /** How many events were sent, their messages' bytes (values only), and in how long. */
    public record Result(long events, long bytes, long nanos) {}

    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final String origin;
    private final int segments;
    private final int batchSize;
    // Both kept from run to run, so that a run's CPU time is read while its threads are alive, and so that the
    // producer is connected before a measured run, as the publisher's is.
    private final ExecutorService pool;
    private final StreamProducer producer;

    /**
     * @param dataSource       the application's database
     * @param bootstrapServers the broker the publisher under test sends to
     * @param origin           the ledger's origin, each message's source
     * @param segments         threads, each relaying the disclosures whose id hashes to it
     * @param batchSize        events read, sent and acknowledged before each commit
     */
    public RelayFloor(DataSource dataSource, String bootstrapServers, String origin, int segments, int batchSize) {
        this.dataSource = dataSource;
        this.origin = origin;
        this.segments = segments;
        this.batchSize = batchSize;
        AtomicInteger threads = new AtomicInteger();
        // Each thread holds a connection for the whole run: from the application's pool of 10, as before the pools were
        // split, since the background pool (3 by default) would leave a thread waiting for another to finish.
        this.pool = Executors.newFixedThreadPool(
                segments,
                task -> new Thread(RequestConnections.serving(task), "relay-floor-" + threads.incrementAndGet()));
        this.producer = new StreamProducer(
                Map.of(
                        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        CommonClientConfigs.CLIENT_ID_CONFIG,
                        "relay-floor"),
                ACKNOWLEDGEMENT_TIMEOUT);
    }

    /**
     * Sends the events at ledger indexes {@code [from, to)} to {@code topic} and returns once every thread stored its
     * last position.
     */
    public Result run(Messages messages, String topic, long from, long to) throws Exception {
        prepare(from);
        long started = System.nanoTime();
        List<Future<Sent>> sent = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            int segment = s;
            sent.add(pool.submit(() -> relay(messages, topic, segment, to)));
        }
        long events = 0;
        long bytes = 0;
        for (Future<Sent> f : sent) {
            Sent segment = f.get();
            events += segment.events();
            bytes += segment.bytes();
        }
        return new Result(events, bytes, System.nanoTime() - started);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        producer.close();
    }

    private void prepare(long from) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists relay_floor_position"
                    + " (segment int primary key, ledger_index bigint not null)");
            statement.execute("truncate relay_floor_position");
            for (int s = 0; s < segments; s++) {
                statement.execute("insert into relay_floor_position values (" + s + ", " + (from - 1) + ")");
            }
        }
    }

    /** What one thread sent: events, and their messages' bytes. */
    private record Sent(long events, long bytes) {}

    /** Relays this segment's entries up to {@code to}. */
    private Sent relay(Messages messages, String topic, int segment, long to) throws SQLException {
        DisclosureMessages curated = new DisclosureMessages(origin);
        long sent = 0;
        long bytes = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            StreamStore store = new StreamStore(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
            long after = position(connection, segment);
            // Each read takes the next window of entries (a batch for every thread) in ledger order and keeps this
            // thread's: filtering by the disclosure's hash and limiting in one query made PostgreSQL read far more
            // rows than a batch (60 ms a batch in one run). The window's end comes with the rows, from the same
            // snapshot, and alone (with nulls) when none of the window is this thread's.
            try (PreparedStatement read = connection.prepareStatement("""
                            with w as (
                                select ledger_index, global_index, leaf_hash from ledger_entry
                                where ledger_index > ? and ledger_index < ? order by ledger_index limit ?),
                            mine as (
                                select w.ledger_index, w.leaf_hash, d.event_identifier, d.aggregate_identifier,
                                    d.sequence_number, d.time_stamp, d.payload_type, d.payload
                                from w join domain_event_entry d on d.global_index = w.global_index
                                where (hashtext(d.aggregate_identifier) & 2147483647) % ? = ?)
                            select mine.*, window_end.last
                            from (select max(ledger_index) as last from w) window_end left join mine on true
                            order by mine.ledger_index""");
                    PreparedStatement advance = connection.prepareStatement(
                            "update relay_floor_position set ledger_index = ? where segment = ?")) {
                while (true) {
                    read.setLong(1, after);
                    read.setLong(2, to);
                    read.setInt(3, batchSize * segments);
                    read.setInt(4, segments);
                    read.setInt(5, segment);
                    List<Row> rows = new ArrayList<>(batchSize);
                    Long end = null;
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            end = rs.getObject(9, Long.class);
                            if (rs.getObject(1) == null) {
                                continue;
                            }
                            rows.add(new Row(
                                    rs.getLong(1),
                                    rs.getBytes(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getBytes(8)));
                        }
                    }
                    if (end == null) {
                        connection.commit();
                        return new Sent(sent, bytes);
                    }
                    if (!rows.isEmpty()) {
                        List<ProducerRecord<String, byte[]>> records = messages == Messages.STORED_BYTES
                                ? storedBytes(topic, rows)
                                : curated(topic, rows, curated, store);
                        producer.sendAll(topic, records);
                        for (ProducerRecord<String, byte[]> record : records) {
                            bytes += record.value().length;
                        }
                    }
                    after = end;
                    advance.setLong(1, after);
                    advance.setInt(2, segment);
                    advance.executeUpdate();
                    connection.commit();
                    sent += rows.size();
                }
            }
        }
    }

    private static List<ProducerRecord<String, byte[]>> storedBytes(String topic, List<Row> rows) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            records.add(new ProducerRecord<>(topic, row.aggregate(), row.payload()));
        }
        return records;
    }

    /** The relay's work on a batch, less reading through the event store's upcasters, checkpoints and metrics. */
    private static List<ProducerRecord<String, byte[]>> curated(
            String topic, List<Row> rows, DisclosureMessages messages, StreamStore store) {
        List<StoredDisclosureEvent> events = new ArrayList<>(rows.size());
        Set<String> seen = new HashSet<>();
        Map<String, Long> followOnsFirst = new LinkedHashMap<>();
        for (Row row : rows) {
            StoredDisclosureEvent event = stored(
                    row.eventIdentifier(),
                    row.sequenceNumber(),
                    StoredTime.parse(row.storedAt()),
                    row.payloadType(),
                    row.payload());
            events.add(event);
            if (!event.kind().isAccess()
                    && seen.add(DisclosureMessages.disclosureIdOf(event))
                    && !DisclosureMessages.SETS_FILTER.contains(event.kind())) {
                followOnsFirst.put(DisclosureMessages.disclosureIdOf(event), event.sequenceNumber());
            }
        }
        // As the publisher does: the filters of disclosures whose first event here is a follow-on, from the event
        // store.
        Map<String, DisclosureFilter> filters = new HashMap<>();
        for (DomainEventData<byte[]> setter :
                store.latestEventsBefore(followOnsFirst, DisclosureMessages.SETS_FILTER_STORED_AS)) {
            StoredDisclosureEvent event = stored(
                    setter.getEventIdentifier(),
                    setter.getSequenceNumber(),
                    setter.getTimestamp(),
                    setter.getPayload().getType().getName(),
                    setter.getPayload().getData());
            DisclosureMessages.filterSetBy(event)
                    .ifPresent(f -> filters.put(DisclosureMessages.disclosureIdOf(event), f));
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            StoredDisclosureEvent event = events.get(i);
            LedgerPosition position =
                    new LedgerPosition(rows.get(i).ledgerIndex(), rows.get(i).leafHash());
            String id = DisclosureMessages.disclosureIdOf(event);
            byte[] message;
            if (event.kind().isAccess()) {
                message = messages.accessEvent(event, position);
            } else {
                DisclosureMessages.filterSetBy(event).ifPresent(filter -> filters.put(id, filter));
                message = messages.disclosureEvent(event, position, filters.get(id));
            }
            records.add(StreamProducer.record(topic, id, message));
        }
        return records;
    }

    private static StoredDisclosureEvent stored(
            String id, long sequence, Instant storedAt, String type, byte[] payload) {
        return new StoredDisclosureEvent(
                id, sequence, storedAt, StoredDisclosureEvent.kindOf(type), StoredPayload.of(payload));
    }

    private static long position(Connection connection, int segment) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select ledger_index from relay_floor_position where segment = ?")) {
            statement.setInt(1, segment);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private record Row(
            long ledgerIndex,
            byte[] leafHash,
            String eventIdentifier,
            String aggregate,
            long sequenceNumber,
            String storedAt,
            String payloadType,
            byte[] payload) {}
}
