package org.disclosureledger.projections.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning, as a watchdog would, until what was read satisfies a condition or a
 * generous time runs out. Plain Kafka consumer, no group: it assigns itself every partition.
 */
final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final String topic;

    TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"));
    }

    /** Everything read so far, in partition order and, within a partition, in offset order. */
    List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** Reads until the records read so far satisfy the condition; fails after {@code atMost}. */
    List<ConsumerRecord<String, byte[]>> readUntil(
            Predicate<List<ConsumerRecord<String, byte[]>>> condition, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (!condition.test(records)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("topic " + topic + " did not get the expected messages within " + atMost
                        + "; read " + records.size());
            }
            if (consumer.assignment().isEmpty()) {
                List<TopicPartition> partitions;
                try {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
                } catch (org.apache.kafka.common.errors.TimeoutException notYet) {
                    partitions = List.of();
                }
                if (partitions.isEmpty()) {
                    sleep();
                    continue;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** How many messages a topic holds, by its partitions' end offsets; 0 if it does not exist yet. */
    static long messagesOn(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }

    /** Every message the topic holds now, read from its beginning; fails if not all arrive within {@code atMost}. */
    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic, Duration atMost)
            throws Exception {
        long held = messagesOn(bootstrapServers, topic);
        try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
            return reader.readUntil(read -> read.size() >= held, atMost);
        }
    }

    /** A top-level attribute of a structured CloudEvent message, such as its {@code id} or {@code subject}. */
    static String attribute(ConsumerRecord<String, byte[]> message, String name) {
        try {
            return JSON.readTree(message.value()).get(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
