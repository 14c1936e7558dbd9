package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
 * With batches of two entries, a batch holding an event whose message cannot be made (its stored JSON lacks a field
 * the stream names) comes after a publishable batch, whose acknowledgements the relay waits for meanwhile. The batch
 * before is published once and recorded as published; the failing batch sends none of its messages, not even those
 * made before the broken one; and neither is sent again at each retry. The test writes the broken event and the
 * ledger entries itself (this application has no sequencer).
 */
@SpringBootTest(classes = UnsequencedTestApplication.class, properties = "ledger.stream.batch-size=2")
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
    void givenABatchWithAnEventWhoseMessageCannotBeMade_whenRelayed_thenOnlyTheBatchBeforeIsPublishedAndOnlyOnce()
            throws Exception {
        List<String> disclosures = List.of("unpublishable-a", "unpublishable-b", "unpublishable-c");
        disclosures.forEach(id -> StreamCommands.record(commands, id));
        long afterLast = jdbc.queryForObject("select max(global_index) + 1000 from domain_event_entry", Long.class);
        // A dispute of the third stored without the time it was made: its message names disputedAt, so it cannot be
        // made.
        jdbc.update(
                "insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                        + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, 'unpublishable-c', 1, 'Disclosure', 'broken-1', '2025-07-01T12:00:00Z',"
                        + " 'DisclosureDisputed', '1', ?, ?)",
                afterLast,
                "{\"disclosureId\":\"unpublishable-c\",\"disputeId\":\"dispute-1\"}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        // The four events' entries in one statement, so that the relay finds them together: batches [0, 1] and [2, 3].
        assertThat(UnsequencedTestApplication.sequenceAll(jdbc, "global_index")).isEqualTo(4);

        // The first retry comes a second after the first failure, the second two seconds after that.
        Awaitility.await().atMost(PATIENCE).until(() -> UnsequencedTestApplication.disclosureFailures(meters) >= 3);

        assertThat(jdbc.queryForObject("select published_entries from stream_relay", Long.class))
                .as("the row moved past the acknowledged batch, and not into the failing one")
                .isEqualTo(2);
        assertThat(TopicReader.messagesOn(SharedKafka.bootstrapServers(), topics.disclosures()))
                .as("the batch before, sent once; none of the failing batch, not even the message made before the"
                        + " broken one")
                .isEqualTo(2);
    }
}
