package org.disclosureledger.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void givenStartedBroker_whenTopicCreatedAndMessagesProduced_thenConsumerReadsThemInOrder() throws Exception {
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.builder().dataDirectory(data).build().start()) {
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            createTopic(broker, "greetings");

            produce(broker, "greetings", List.of("one", "two", "three"), Duration.ofSeconds(30));

            assertThat(consumeAll(broker, "greetings", 3)).containsExactly("one", "two", "three");
        }
    }

    @Test
    void givenStartedBroker_whenProducingToMissingTopic_thenTopicIsNotCreated() throws Exception {
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.builder().dataDirectory(data).build().start()) {
            assertThatThrownBy(() -> produce(broker, "never-created", List.of("lost"), Duration.ofSeconds(3)))
                    .hasCauseInstanceOf(TimeoutException.class);

            try (Admin admin = admin(broker)) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("never-created");
                assertThatThrownBy(() -> admin.describeTopics(Set.of("never-created"))
                                .allTopicNames()
                                .get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
            }
        }
    }

    @Test
    void givenStoppedBroker_whenStartedAgain_thenSamePortKeepsEarlierMessagesAndTakesNewOnes() throws Exception {
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.builder().dataDirectory(data).build().start()) {
            String bootstrap = broker.bootstrapServers();
            createTopic(broker, "ledger");
            produce(broker, "ledger", List.of("before-1", "before-2"), Duration.ofSeconds(30));

            broker.stop();

            assertThat(broker.isRunning()).isFalse();
            assertThatThrownBy(() -> produce(broker, "ledger", List.of("during"), Duration.ofSeconds(3)))
                    .hasCauseInstanceOf(TimeoutException.class);

            broker.start();

            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            produce(broker, "ledger", List.of("after-1"), Duration.ofSeconds(30));
            assertThat(consumeAll(broker, "ledger", 3)).containsExactly("before-1", "before-2", "after-1");
        }
    }

    @Test
    void givenProducerSending_whenBrokerIsAwayForTwentySeconds_thenEveryMessageArrivesOnceAndInOrder()
            throws Exception {
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.builder().dataDirectory(data).build().start()) {
            createTopic(broker, "outage");
            Map<String, Object> config = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    180_000,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    180_000);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            AtomicInteger acknowledged = new AtomicInteger();
            Callback count = (metadata, e) -> {
                if (e == null) {
                    acknowledged.incrementAndGet();
                }
            };
            CompletableFuture<Integer> acknowledgedDuringOutage;
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                int n = 0;
                for (; n < 200; n++) {
                    sent.add(producer.send(new ProducerRecord<>("outage", "m-" + n), count));
                }
                producer.flush();

                broker.stop();
                // The broker comes back after 20 s; meanwhile send() buffers or blocks, as it would in the ledger.
                acknowledgedDuringOutage = CompletableFuture.supplyAsync(
                        () -> {
                            int during = acknowledged.get();
                            broker.start();
                            return during;
                        },
                        CompletableFuture.delayedExecutor(20, TimeUnit.SECONDS));
                for (; n < 600; n++) {
                    sent.add(producer.send(new ProducerRecord<>("outage", "m-" + n), count));
                }
                producer.flush();
            }
            assertThat(acknowledgedDuringOutage.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(200);
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            assertThat(acknowledged).hasValue(600);

            List<String> expected =
                    IntStream.range(0, 600).mapToObj(i -> "m-" + i).toList();
            assertThat(consumeAll(broker, "outage", 600)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void givenDataDirectoryOfClosedBroker_whenNewBrokerStartsOnIt_thenMessagesSurvive() throws Exception {
        int port;
        try (EmbeddedKafkaBroker first =
                EmbeddedKafkaBroker.builder().dataDirectory(data).build().start()) {
            port = first.port();
            createTopic(first, "kept");
            produce(first, "kept", List.of("kept-1"), Duration.ofSeconds(30));
        }
        assertThat(data)
                .isDirectoryContaining(path -> path.getFileName().toString().equals("meta.properties"));

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder()
                .port(port)
                .dataDirectory(data)
                .build()
                .start()) {
            assertThat(consumeAll(second, "kept", 1)).containsExactly("kept-1");
        }
    }

    @Test
    void givenBusyPort_whenBrokerStarts_thenItFailsNamingThePort() throws IOException {
        try (ServerSocket occupant = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .port(occupant.getLocalPort())
                        .dataDirectory(data)
                        .build()) {
            assertThatThrownBy(broker::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot start the embedded Kafka broker: its broker port 127.0.0.1:"
                            + occupant.getLocalPort() + " is already in use (another broker or application?)");
            assertThat(broker.isRunning()).isFalse();
        }
    }

    @Test
    void givenDataDirectoryInUse_whenSecondBrokerStarts_thenItFailsAndTheFirstKeepsRunning() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder()
                        .dataDirectory(data)
                        .build()
                        .start();
                EmbeddedKafkaBroker second =
                        EmbeddedKafkaBroker.builder().dataDirectory(data).build()) {
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot start the embedded Kafka broker: its data directory " + data
                            + " is in use by another broker");
            assertThat(second.isRunning()).isFalse();

            createTopic(first, "still-served");
            produce(first, "still-served", List.of("yes"), Duration.ofSeconds(30));
            assertThat(consumeAll(first, "still-served", 1)).containsExactly("yes");
        }
    }

    @Test
    void givenTemporaryDataDirectory_whenClosed_thenItIsDeletedAndBrokerCannotStartAgain() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
        Path temporary = broker.dataDirectory();
        assertThat(temporary).isDirectory();

        broker.close();

        assertThat(Files.exists(temporary)).isFalse();
        assertThatThrownBy(broker::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the embedded Kafka broker was closed; build a new one");
    }

    @Test
    void givenPortOutOfRange_whenBuilding_thenRejected() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 0 (any free port) and 65535, not 70000");
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void createTopic(EmbeddedKafkaBroker broker, String topic)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                    .all()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Sends each value and waits for the broker's acknowledgement; the delivery timeout bounds an outage. */
    private static void produce(EmbeddedKafkaBroker broker, String topic, List<String> values, Duration delivery)
            throws ExecutionException, InterruptedException {
        int deliveryMs = (int) delivery.toMillis();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                deliveryMs,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                deliveryMs,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                deliveryMs);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        }
    }

    private static List<String> consumeAll(EmbeddedKafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            // One more poll: a message that should not be there would show up now.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        }
        return values;
    }
}
