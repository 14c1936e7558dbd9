package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.projections.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stream's topics are created as docs/stream.md says when missing, and left alone when they exist. */
class StreamTopicsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Kafka's default {@code batch.size}. */
    static final int BATCH_BYTES = 16_384;

    @Test
    void givenNoTopics_whenEnsured_thenAllThreeExistKeptForEverWithTheirPartitions() throws Exception {
        TestTopics names = SharedKafka.freshTopics();
        StreamTopics topics = topics(names, 5);

        topics.ensureCreated();

        try (Admin admin = admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(
                            List.of(names.disclosures(), names.checkpoints(), names.alerts()))
                    .allTopicNames()
                    .get();
            assertThat(described.get(names.disclosures()).partitions()).hasSize(5);
            assertThat(described.get(names.checkpoints()).partitions()).hasSize(1);
            assertThat(described.get(names.alerts()).partitions()).hasSize(1);
            for (Config config : configs(admin, described.keySet())) {
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .isEqualTo("delete");
            }
        }
    }

    @Test
    void givenExistingTopicOfAnotherShape_whenEnsured_thenItIsNotChangedAndTheMissingOnesAreCreated() throws Exception {
        TestTopics names = SharedKafka.freshTopics();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(names.disclosures(), 2, (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "86400000"))))
                    .all()
                    .get();
        }

        topics(names, 6).ensureCreated();

        try (Admin admin = admin()) {
            TopicDescription disclosures = admin.describeTopics(List.of(names.disclosures()))
                    .allTopicNames()
                    .get()
                    .get(names.disclosures());
            assertThat(disclosures.partitions()).hasSize(2);
            assertThat(configs(admin, List.of(names.disclosures()))
                            .iterator()
                            .next()
                            .get(TopicConfig.RETENTION_MS_CONFIG)
                            .value())
                    .isEqualTo("86400000");
            assertThat(admin.describeTopics(List.of(names.checkpoints(), names.alerts()))
                            .allTopicNames()
                            .get())
                    .as("the missing topics were created")
                    .hasSize(2);
        }
    }

    @Test
    void givenATopicTakingMessagesSmallerThanABatch_whenEnsured_thenRefusedWithWhatToFixUntilItIsRaised()
            throws Exception {
        TestTopics names = SharedKafka.freshTopics();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(names.alerts(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "3000"))))
                    .all()
                    .get();
        }
        StreamTopics topics = topics(names, 2);

        assertThatThrownBy(topics::ensureCreated)
                .isInstanceOf(StreamPublishFailure.class)
                .hasMessageStartingWith("nothing was sent to topic " + names.alerts() + ": the topic takes messages")
                .hasMessageContaining("at most 3000 bytes (max.message.bytes)")
                .hasMessageContaining("batches of 16384 bytes (batch.size)")
                .hasMessageContaining("raise the topic's max.message.bytes to 16384 or more")
                .hasMessageContaining("lower the producer's batch.size (spring.kafka.producer.batch-size")
                .hasMessageContaining("to 3000 or less");

        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, names.alerts()),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16384"),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
        }
        // The broker takes the new limit up shortly after it answers.
        Awaitility.await()
                .atMost(TIMEOUT)
                .ignoreExceptionsInstanceOf(StreamPublishFailure.class)
                .untilAsserted(topics::ensureCreated);
    }

    @Test
    void givenProducerProperties_whenBatchBytesRead_thenTheConfiguredSizeOrKafkasDefault() {
        assertThat(StreamConfiguration.batchBytes(Map.of())).isEqualTo(16_384);
        assertThat(StreamConfiguration.batchBytes(Map.of(ProducerConfig.BATCH_SIZE_CONFIG, 65_536)))
                .as("spring.kafka.producer.batch-size")
                .isEqualTo(65_536);
        assertThat(StreamConfiguration.batchBytes(Map.of(ProducerConfig.BATCH_SIZE_CONFIG, "32768")))
                .as("spring.kafka.producer.properties.batch.size")
                .isEqualTo(32_768);
    }

    @Test
    void givenNoBroker_whenEnsured_thenAPublishFailureNamesTheProblem() {
        StreamTopics topics = new StreamTopics(
                new StreamTopics.Settings("d", "c", "a", 1, (short) 1),
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
                Duration.ofSeconds(2),
                BATCH_BYTES);

        assertThatThrownBy(topics::ensureCreated)
                .isInstanceOf(StreamPublishFailure.class)
                .hasMessageStartingWith(
                        "nothing was sent to topic d: the stream's topics could not be checked or created");
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("no partitions", 0, (short) 1, "d", "ledger.stream.partitions must be at least 1, not 0"),
                Arguments.of(
                        "no replicas", 1, (short) 0, "d", "ledger.stream.replication-factor must be at least 1, not 0"),
                Arguments.of("blank topic", 1, (short) 1, " ", "ledger.stream.topics.* must name a topic"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void givenBadSetting_whenConfigured_thenRefusedWithWhatToFix(
            String name, int partitions, short replicas, String topic, String message) {
        assertThatThrownBy(() -> new StreamTopics.Settings(topic, "c", "a", partitions, replicas))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void givenThreeReplicas_whenTopicsDescribed_thenTwoMustBeInSync() {
        StreamTopics topics = new StreamTopics(
                new StreamTopics.Settings("d", "c", "a", 6, (short) 3), Map.of(), TIMEOUT, BATCH_BYTES);

        assertThat(topics.topics())
                .allSatisfy(topic ->
                        assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
    }

    private static StreamTopics topics(TestTopics names, int partitions) {
        return new StreamTopics(
                new StreamTopics.Settings(
                        names.disclosures(), names.checkpoints(), names.alerts(), partitions, (short) 1),
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                TIMEOUT,
                BATCH_BYTES);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
    }

    private static Collection<Config> configs(Admin admin, Collection<String> topics) throws Exception {
        return admin.describeConfigs(topics.stream()
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                        .toList())
                .all()
                .get()
                .values();
    }
}
