package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.embedded.kafka.EmbeddedKafkaBroker;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * While the broker is away nothing is lost: the relay's batches fail, its count of published entries stays before the
 * first entry it could not publish, a checkpoint signed meanwhile is not recorded as published (whether its entries are
 * on the topic or not), and once the broker is back every event recorded meanwhile and the checkpoints arrive (perhaps
 * twice, with the same id). Runs against a broker of its own that it stops and starts.
 */
@SpringBootTest(
        classes = StreamTestApplication.class,
        properties = {"ledger.stream.batch-size=5", "ledger.stream.acknowledgement-timeout=4s"})
@DirtiesContext
class StreamOutageTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    static EmbeddedKafkaBroker broker;
    static TestTopics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
        broker = SharedKafka.dedicated();
        topics = SharedKafka.register(registry, broker);
        StreamTestApplication.registerProperties(registry);
    }

    @AfterAll
    static void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Checkpointer checkpointer;

    @Test
    void givenBrokerStopped_whenDisclosuresRecorded_thenTheRelayWaitsAndAllArriveOnceItIsBack() {
        List<String> before = ids("before", 3);
        before.forEach(id -> StreamCommands.record(commands, id));
        awaitPublished(Set.copyOf(before));

        double failuresBefore = failures();
        broker.stop();
        long beforeSize = signOnceSequenced();
        Awaitility.await()
                .atMost(PATIENCE)
                .alias("the checkpoint publisher tried and failed while the broker was away")
                .until(() -> failures(StreamMetrics.CHECKPOINTS) > 0);
        assertThat(publishedCheckpointSize())
                .as("a checkpoint of entries all on the topic, not recorded as published while the broker is away")
                .isZero();

        List<String> during = ids("during", 12);
        during.forEach(id -> StreamCommands.record(commands, id));
        Awaitility.await()
                .atMost(PATIENCE)
                .alias("the relay tried and failed while the broker was away")
                .until(() -> failures() > failuresBefore);

        long treeSize = signOnceSequenced();
        long firstDuring = jdbc.queryForObject(
                "select min(l.ledger_index) from ledger_entry l join domain_event_entry d using (global_index)"
                        + " where d.aggregate_identifier like 'during-%'",
                Long.class);
        assertThat(jdbc.queryForObject("select published_entries from stream_relay", Long.class))
                .as("the relay never passes an entry the broker did not acknowledge")
                .isLessThanOrEqualTo(firstDuring);
        assertThat(meters.get(StreamMetrics.LAG).gauge().value()).isGreaterThanOrEqualTo(during.size());
        assertThat(treeSize).isGreaterThan(beforeSize);
        assertThat(publishedCheckpointSize())
                .as("nothing recorded as published")
                .isZero();

        broker.start();
        Set<String> all = new HashSet<>(before);
        all.addAll(during);
        Set<String> published = awaitPublished(all);

        Set<String> stored =
                Set.copyOf(jdbc.queryForList("select event_identifier from domain_event_entry", String.class));
        assertThat(published).as("every stored event, none lost").isEqualTo(stored);
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(meters.get(StreamMetrics.LAG).gauge().value())
                                .isZero());
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topics.checkpoints())) {
            reader.readUntil(
                    rs -> rs.stream()
                            .anyMatch(r -> new JsonFormat()
                                    .deserialize(r.value())
                                    .getId()
                                    .equals("checkpoint-" + treeSize)),
                    PATIENCE);
        }
        Awaitility.await().atMost(PATIENCE).until(() -> publishedCheckpointSize() == treeSize);
    }

    /** Signs a checkpoint once the sequencer has taken every stored event, and returns its tree size. */
    private long signOnceSequenced() {
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> jdbc.queryForObject("select count(*) from ledger_entry", Long.class)
                        == jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
        return checkpointer.signNow().orElseThrow().treeSize();
    }

    private long publishedCheckpointSize() {
        return jdbc.queryForObject("select published_tree_size from stream_checkpoint_progress", Long.class);
    }

    /** Reads the topic until every given disclosure has a message; returns the distinct message ids read. */
    private Set<String> awaitPublished(Set<String> disclosureIds) {
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topics.disclosures())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    rs -> rs.stream()
                            .map(ConsumerRecord::key)
                            .collect(Collectors.toSet())
                            .containsAll(disclosureIds),
                    PATIENCE);
            return records.stream()
                    .map(r -> new JsonFormat().deserialize(r.value()).getId())
                    .collect(Collectors.toSet());
        }
    }

    private double failures() {
        return failures(StreamMetrics.DISCLOSURES);
    }

    private double failures(String topic) {
        return meters.get(StreamMetrics.FAILURES).tag("topic", topic).counter().count();
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }
}
