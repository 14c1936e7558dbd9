package org.disclosureledger.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.embedded.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no Kafka configured, the application runs its own broker and Spring Boot's Kafka clients talk to it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EmbeddedKafkaConfigurationTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
        // No Kafka configured (an empty value counts as unset), whatever TestLedger points the other tests at.
        registry.add("spring.kafka.bootstrap-servers", () -> "");
        // A free port: 9092 may belong to another broker on this machine.
        registry.add("ledger.embedded.kafka.port", () -> "0");
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<Object, Object> template;

    @Autowired
    ProducerFactory<Object, Object> producerFactory;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Value("${ledger.data-dir}")
    Path dataDir;

    @Test
    void givenNoBootstrapServers_whenApplicationStarts_thenItRunsTheEmbeddedBrokerInItsDataDirectory() {
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(broker.dataDirectory()).isEqualTo(dataDir.toAbsolutePath().resolve("kafka"));
        assertThat(broker.dataDirectory().resolve("meta.properties")).exists();
    }

    @Test
    void givenEmbeddedBroker_whenAutoConfiguredClientsConnect_thenTheyUseIt() throws Exception {
        assertThat(producerFactory.getConfigurationProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG))
                .isEqualTo(List.of(broker.bootstrapServers()));
        assertThat(kafkaAdmin.getConfigurationProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG))
                .isEqualTo(List.of(broker.bootstrapServers()));

        String topic = "embedded-configuration-test";
        kafkaAdmin.createOrModifyTopics(new NewTopic(topic, 1, (short) 1));
        // Listed once the broker's metadata has it, which may lag the creation (the stream relay creates its topics at
        // the same time).
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> admin.listTopics().names().get(60, TimeUnit.SECONDS), names -> names.contains(topic));
        }

        RecordMetadata sent = template.send(topic, "key", "hello embedded")
                .get(60, TimeUnit.SECONDS)
                .getRecordMetadata();

        assertThat(sent.offset()).isZero();
        assertThat(readFirst(topic)).isEqualTo("hello embedded");
    }

    private String readFirst(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
        }
        return null;
    }
}
