package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * PostgreSQL ends the relay's connection in the middle of a turn, once batches of that turn were acknowledged
 * ({@code pg_terminate_backend}, as when the database restarts or fails over). PostgreSQL rolls the turn's transaction
 * back whatever the relay does; what this shows is that the relay reports the failure, goes on after its backoff on a
 * new connection, and loses nothing: it starts again from the row as the turn found it, so every message the turn had
 * got acknowledged is sent again (consumers deduplicate by id). Batches of one entry make a turn hold many batches.
 * The test writes the events and ledger entries itself (this application has no sequencer).
 */
@SpringBootTest(classes = UnsequencedTestApplication.class, properties = "ledger.stream.batch-size=1")
@DirtiesContext
class DatabaseFailureMidTurnTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);
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

    /** The row as the ended turn found it, and the messages on the topic when it was ended. */
    long rowAtTheEnd = -1;

    long messagesAtTheEnd = -1;

    @Test
    void givenTheDatabaseEndsTheRelaysConnectionMidTurn_whenRelayed_thenTheTurnIsSentAgainAndNoEntryIsLost()
            throws Exception {
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
        assertThat(UnsequencedTestApplication.sequenceAll(jdbc, "global_index")).isEqualTo(ENTRIES);

        Awaitility.await()
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(5))
                .until(this::endTheRelaysConnectionMidTurn);

        Awaitility.await().atMost(PATIENCE).until(() -> publishedEntries() == ENTRIES);
        assertThat(UnsequencedTestApplication.disclosureFailures(meters))
                .as("the failed turn was reported")
                .isGreaterThanOrEqualTo(1);
        List<ConsumerRecord<String, byte[]>> records =
                TopicReader.readAll(SharedKafka.bootstrapServers(), topics.disclosures(), PATIENCE);
        assertThat(records.stream().map(r -> TopicReader.attribute(r, "id")).collect(Collectors.toSet()))
                .as("every entry on the topic")
                .hasSize(ENTRIES);
        assertThat((long) records.size())
                .as(
                        "the ended turn's acknowledged messages (%d from entry %d), sent again",
                        messagesAtTheEnd - rowAtTheEnd, rowAtTheEnd)
                .isGreaterThanOrEqualTo(ENTRIES + messagesAtTheEnd - rowAtTheEnd);
    }

    /**
     * Ends the connection whose transaction holds the relay's row, once that transaction is {@link #INTO_THE_TURN}
     * old and messages of its turn are acknowledged (more messages on the topic than the committed row counts, and no
     * failure yet, so none is a message sent again); false while there is none.
     */
    private boolean endTheRelaysConnectionMidTurn() throws Exception {
        Map<String, Object> read = jdbc.queryForMap(
                "select published_entries, extract(epoch from clock_timestamp()) at from stream_relay");
        long row = ((Number) read.get("published_entries")).longValue();
        assertThat(row).as("the relay was still publishing").isLessThan(ENTRIES);
        long messages = TopicReader.messagesOn(SharedKafka.bootstrapServers(), topics.disclosures());
        if (messages <= row) {
            return false;
        }
        // Only a transaction that began before the row was read qualifies: it has held the row since, so it began
        // from the row read.
        List<Boolean> ended = jdbc.queryForList(
                "select pg_terminate_backend(a.pid) from pg_locks l join pg_class c on c.oid = l.relation"
                        + " join pg_stat_activity a on a.pid = l.pid"
                        + " where c.relname = 'stream_relay' and l.mode = 'RowShareLock' and l.granted"
                        + " and a.xact_start < to_timestamp(?) - make_interval(secs => ?)",
                Boolean.class,
                ((Number) read.get("at")).doubleValue(),
                INTO_THE_TURN.toMillis() / 1000.0);
        if (!ended.contains(true)) {
            return false;
        }
        rowAtTheEnd = row;
        messagesAtTheEnd = messages;
        return true;
    }

    private long publishedEntries() {
        return jdbc.queryForObject("select published_entries from stream_relay", Long.class);
    }
}
