package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event without a ledger entry is never published: its message could not carry a ledger index. The batch fails,
 * nothing is sent, nothing is written, and the token stays before it, however often it is retried.
 */
@SpringBootTest(
        classes = UnsequencedTestApplication.class,
        properties = {
            "ledger.checkpoint.origin=test.disclosure-ledger/log",
            "ledger.stream.segments=1",
            "ledger.stream.partitions=2",
            "ledger.stream.sequencer-wait=200ms"
        })
@DirtiesContext
class UnsequencedEventsTest {

    static TestTopics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
        topics = SharedKafka.register(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void givenSequencerNotRunning_whenDisclosuresRecorded_thenNothingIsPublishedAndTheTokenStays() throws Exception {
        StreamCommands.record(commands, "unsequenced-a");
        StreamCommands.record(commands, "unsequenced-b");

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .alias("two failed attempts to publish")
                .until(() -> meters.get(StreamMetrics.FAILURES)
                                .tag("topic", StreamMetrics.DISCLOSURES)
                                .counter()
                                .count()
                        >= 2);

        assertThat(messagesOnDisclosuresTopic()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from stream_disclosure", Long.class))
                .isZero();
        assertThat(meters.get(StreamMetrics.PUBLISHED)
                        .tag("topic", StreamMetrics.DISCLOSURES)
                        .counter()
                        .count())
                .isZero();
        assertThat(meters.get(StreamMetrics.LAG).gauge().value())
                .as("both events still count as unpublished")
                .isGreaterThanOrEqualTo(2);
    }

    private long messagesOnDisclosuresTopic() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(topics.disclosures()))
                    .allTopicNames()
                    .get()
                    .get(topics.disclosures())
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topics.disclosures(), p))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }
}
