package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.projections.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL ends the relay's connection in the middle of a turn, after the turn's first batches were acknowledged
 * ({@code pg_terminate_backend}, as when the database restarts or fails over). The turn rolls back, so the row stays
 * where the turn began and its acknowledged batches are sent again; the relay reports the failure and, after its
 * backoff, publishes every entry: none is lost, some are on the topic twice (consumers deduplicate by id). Batches of
 * one entry make a turn hold many batches. The test writes the events and ledger entries itself (this application
 * has no sequencer).
 */
@SpringBootTest(classes = UnsequencedTestApplication.class, properties = "ledger.stream.batch-size=1")
@DirtiesContext
class DatabaseFailureMidTurnTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final int ENTRIES = 2_000;
    /** How far into its turn the relay's transaction must be before it is ended: past its first batches. */
    static final Duration INTO_THE_TURN = Duration.ofMillis(200);

    static TestTopics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = UnsequencedTestApplication.register(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void givenTheDatabaseEndsTheRelaysConnectionMidTurn_whenRelayed_thenTheTurnIsSentAgainAndNoEntryIsLost() {
        StreamCommands.record(commands, "mid-turn");
        String original = jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = 'mid-turn'",
                String.class);
        // Copies of the recorded event under other aggregates and event ids, then all the entries in one statement,
        // so that the relay finds them together.
        jdbc.update(
                "insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                        + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " select e.global_index + g, 'mid-turn-' || g, 0, e.type, 'mid-turn-event-' || g,"
                        + " e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data"
                        + " from domain_event_entry e, generate_series(1, ?) g where e.event_identifier = ?",
                ENTRIES - 1,
                original);
        assertThat(jdbc.update(
                        "insert into ledger_entry (ledger_index, event_identifier, global_index, leaf_hash, sequenced_at)"
                                + " select row_number() over (order by global_index) - 1, event_identifier,"
                                + " global_index, ?, now() from domain_event_entry",
                        (Object) new byte[32]))
                .isEqualTo(ENTRIES);

        Awaitility.await()
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(5))
                .until(this::endTheRelaysConnectionMidTurn);

        Awaitility.await().atMost(PATIENCE).until(() -> publishedEntries() == ENTRIES);
        assertThat(failures()).as("the failed turn was reported").isGreaterThanOrEqualTo(1);
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.disclosures())) {
            List<ConsumerRecord<String, byte[]>> records =
                    reader.readUntil(read -> distinctIds(read).size() == ENTRIES, PATIENCE);
            assertThat(distinctIds(records)).as("every entry on the topic").hasSize(ENTRIES);
            assertThat(records.size())
                    .as("the rolled-back turn's acknowledged batches, sent again")
                    .isGreaterThan(ENTRIES);
        }
    }

    /**
     * Ends the connection whose transaction holds the relay's row, once that transaction is {@link #INTO_THE_TURN}
     * old; false while there is none.
     */
    private boolean endTheRelaysConnectionMidTurn() {
        List<Boolean> ended = jdbc.queryForList(
                "select pg_terminate_backend(a.pid) from pg_locks l join pg_class c on c.oid = l.relation"
                        + " join pg_stat_activity a on a.pid = l.pid"
                        + " where c.relname = 'stream_relay' and l.mode = 'RowShareLock' and l.granted"
                        + " and a.xact_start < clock_timestamp() - make_interval(secs => ?)",
                Boolean.class,
                INTO_THE_TURN.toMillis() / 1000.0);
        assertThat(publishedEntries()).as("the relay was still publishing").isLessThan(ENTRIES);
        return ended.contains(true);
    }

    private Set<String> distinctIds(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ids.add(json.readTree(record.value()).get("id").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    private long publishedEntries() {
        return jdbc.queryForObject("select published_entries from stream_relay", Long.class);
    }

    private double failures() {
        return meters.get(StreamMetrics.FAILURES)
                .tag("topic", StreamMetrics.DISCLOSURES)
                .counter()
                .count();
    }
}
