package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
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
 * The broker refuses one message, in the second of three batches of two. The test creates the disclosures topic taking
 * messages of at most 20,000 bytes (no less than the producer's 16 KiB batches, as {@link StreamTopics} requires), and
 * writes one stored event whose message is larger (a purpose text no command would accept); being larger than a
 * producer batch, that message goes to the broker alone and is refused alone. The relay reads and sends the third
 * batch while the second waits for its acknowledgements (what becomes of the third is not checked here). The first
 * batch is published once and recorded; the row stays before the refused batch at every retry, and the refused
 * message is never on the topic. The stream stops there until the topic takes the message, while the relay retries
 * and counts failures. The test also writes the ledger entries (this application has no sequencer).
 */
@SpringBootTest(classes = UnsequencedTestApplication.class, properties = "ledger.stream.batch-size=2")
@DirtiesContext
class BrokerRefusedMessageTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final int LARGEST_MESSAGE = 20_000;
    static final List<String> DISCLOSURES = List.of("refused-a", "refused-b", "refused-c", "refused-e", "refused-f");

    static TestTopics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        topics = UnsequencedTestApplication.register(registry);
        // Before the application starts, so that the limit holds from its first message.
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.disclosures(), 2, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(LARGEST_MESSAGE)))))
                    .all()
                    .get();
        }
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    StreamRelay relay;

    @Test
    void givenTheBrokerRefusesAMessage_whenRelayed_thenTheRowStaysBeforeItsBatchAndTheBatchBeforeIsSentOnce()
            throws Exception {
        DISCLOSURES.forEach(id -> StreamCommands.record(commands, id));
        // refused-c's event again, as another disclosure's, with a purpose text of 30,000 characters.
        jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " select global_index + 1000, 'refused-big', 0, type, 'refused-big-event', time_stamp,"
                + " payload_type, payload_revision, convert_to(jsonb_set(jsonb_set("
                + "convert_from(payload, 'UTF8')::jsonb, '{disclosureId}', '\"refused-big\"'),"
                + " '{details,purpose,text}', to_jsonb(repeat('x', 30000)))::text, 'UTF8'), meta_data"
                + " from domain_event_entry where aggregate_identifier = 'refused-c'");
        // The six events' entries in one statement, so that the relay finds them together, the large one after
        // refused-c's: batches [a, b], [c, big] and [e, f].
        assertThat(UnsequencedTestApplication.sequenceAll(
                        jdbc,
                        "case aggregate_identifier when 'refused-big' then global_index - 1000 + 0.5"
                                + " else global_index end"))
                .isEqualTo(DISCLOSURES.size() + 1);

        // The first retry comes a second after the first failure, the second two seconds after that.
        Awaitility.await().atMost(PATIENCE).until(() -> UnsequencedTestApplication.disclosureFailures(meters) >= 3);

        assertThat(jdbc.queryForObject("select published_entries from stream_relay", Long.class))
                .as("the row moved past the first batch, and not into the refused one")
                .isEqualTo(2);
        assertThat(relay.isRunning()).as("the relay goes on retrying").isTrue();
        Map<String, Long> sent = messagesPerDisclosure();
        assertThat(sent.get("refused-a")).as("the first batch, sent once").isEqualTo(1);
        assertThat(sent.get("refused-b")).as("the first batch, sent once").isEqualTo(1);
        assertThat(sent).as("the refused message").doesNotContainKey("refused-big");
    }

    /** Every message on the disclosures topic, counted by the disclosure it is about. */
    private Map<String, Long> messagesPerDisclosure() throws Exception {
        return TopicReader.readAll(SharedKafka.bootstrapServers(), topics.disclosures(), PATIENCE).stream()
                .collect(Collectors.groupingBy(r -> TopicReader.attribute(r, "subject"), Collectors.counting()));
    }
}
