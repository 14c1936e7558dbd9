package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The relay publishes only what the sequencer put in the ledger, in ledger order, and never passes a missing index:
 * an event without a ledger entry (its message could not carry one) waits, and so does every entry after a gap. This
 * application has no sequencer; the test writes the ledger entries itself.
 */
@SpringBootTest(classes = UnsequencedTestApplication.class)
@DirtiesContext
class UnsequencedEventsTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
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

    @Test
    void givenEventsWithoutLedgerEntries_whenTheSecondIsSequencedFirst_thenNothingIsPublishedUntilTheGapCloses()
            throws Exception {
        StreamCommands.record(commands, "unsequenced-a");
        StreamCommands.record(commands, "unsequenced-b");
        List<Map<String, Object>> events = jdbc.queryForList(
                "select global_index, event_identifier from domain_event_entry order by global_index");
        assertThat(events).hasSize(2);

        // Half a second is 25 of the relay's rounds: with no entry there is nothing it may publish.
        Thread.sleep(500);
        assertThat(published())
                .as("events without ledger entries are not published")
                .isZero();

        append(1, events.get(1));
        Thread.sleep(500);
        assertThat(published()).as("the entry after a missing index waits").isZero();
        assertThat(messagesOnDisclosuresTopic()).isZero();
        assertThat(jdbc.queryForObject("select published_entries from stream_relay", Long.class))
                .isZero();

        append(0, events.get(0));
        Awaitility.await().atMost(PATIENCE).until(() -> published() == 2);
        assertThat(messagesOnDisclosuresTopic()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select published_entries from stream_relay", Long.class))
                .isEqualTo(2);
        assertThat(meters.get(StreamMetrics.FAILURES)
                        .tag("topic", StreamMetrics.DISCLOSURES)
                        .counter()
                        .count())
                .as("waiting for the sequencer is not a failure")
                .isZero();
    }

    /** Writes the ledger entry the sequencer would have written, with a leaf hash of the test's own. */
    private void append(long ledgerIndex, Map<String, Object> event) {
        byte[] leafHash = new byte[32];
        leafHash[0] = (byte) (ledgerIndex + 1);
        jdbc.update(
                "insert into ledger_entry (ledger_index, event_identifier, global_index, leaf_hash, sequenced_at)"
                        + " values (?, ?, ?, ?, now())",
                ledgerIndex,
                event.get("event_identifier"),
                event.get("global_index"),
                leafHash);
    }

    private double published() {
        return meters.get(StreamMetrics.PUBLISHED)
                .tag("topic", StreamMetrics.DISCLOSURES)
                .counter()
                .count();
    }

    private long messagesOnDisclosuresTopic() throws Exception {
        return TopicReader.messagesOn(SharedKafka.bootstrapServers(), topics.disclosures());
    }
}
