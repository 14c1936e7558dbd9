package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * A batch holding an event whose message cannot be made (its stored JSON lacks a field the stream names) fails before
 * any of its messages reaches the broker, so that the events before it are not sent again at every retry. The test
 * writes the broken event and the ledger entries itself (this application has no sequencer).
 */
@SpringBootTest(classes = UnsequencedTestApplication.class)
@DirtiesContext
class UnpublishableEventTest {

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
    void givenABatchWithAnEventWhoseMessageCannotBeMade_whenRelayed_thenNoneOfItsMessagesIsSent() throws Exception {
        recordThenStoreAnUnpublishableEvent(commands, jdbc);

        // The first retry comes a second after the first failure.
        Awaitility.await().atMost(PATIENCE).until(() -> failures() >= 2);

        assertThat(TopicReader.messagesOn(SharedKafka.bootstrapServers(), topics.disclosures()))
                .as("the recorded disclosure's message, made before the broken one, was not sent")
                .isZero();
        assertThat(jdbc.queryForObject("select published_entries from stream_relay", Long.class))
                .isZero();
    }

    /**
     * Records a disclosure, then stores an event of it whose message cannot be made, and gives both ledger entries (0
     * and 1, in one statement so that a relay finds them together).
     */
    static void recordThenStoreAnUnpublishableEvent(CommandGateway commands, JdbcTemplate jdbc) {
        StreamCommands.record(commands, "unpublishable-a");
        Map<String, Object> recorded =
                jdbc.queryForMap("select global_index, event_identifier from domain_event_entry");
        // A dispute stored without the time it was made: its message names disputedAt, so it cannot be made.
        long brokenGlobalIndex = ((Number) recorded.get("global_index")).longValue() + 1000;
        jdbc.update(
                "insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                        + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, 'unpublishable-a', 1, 'Disclosure', 'broken-1', '2025-07-01T12:00:00Z',"
                        + " 'DisclosureDisputed', '1', ?, ?)",
                brokenGlobalIndex,
                "{\"disclosureId\":\"unpublishable-a\",\"disputeId\":\"dispute-1\"}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        jdbc.update(
                "insert into ledger_entry (ledger_index, event_identifier, global_index, leaf_hash, sequenced_at)"
                        + " values (0, ?, ?, ?, now()), (1, 'broken-1', ?, ?, now())",
                recorded.get("event_identifier"),
                recorded.get("global_index"),
                new byte[32],
                brokenGlobalIndex,
                new byte[32]);
    }

    private double failures() {
        return meters.get(StreamMetrics.FAILURES)
                .tag("topic", StreamMetrics.DISCLOSURES)
                .counter()
                .count();
    }
}
