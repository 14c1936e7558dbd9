package org.disclosureledger.api.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plain Kafka clients of the benchmark: the raw producer that gives the ceiling, the reader that takes the
 * publisher's messages back, and the consumer that measures latencies. Talks to the broker directly, never through
 * the application.
 */
final class BenchmarkKafka {

    /** One published record as it lies on the broker: the bytes the raw producer sends again. */
    record Message(int partition, byte[] key, byte[] value, Header[] headers) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;
    private final int batchBytes;

    /**
     * @param batchBytes the raw producers' {@code batch.size}: the stream producer's, so that the ceiling sends its
     *     messages in batches of the same size
     */
    BenchmarkKafka(String bootstrapServers, int batchBytes) {
        this.bootstrapServers = bootstrapServers;
        this.batchBytes = batchBytes;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    int batchBytes() {
        return batchBytes;
    }

    /** Creates a topic kept for ever whose records carry the broker's append time as their timestamp. */
    static void createLogAppendTimeTopic(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of("message.timestamp.type", "LogAppendTime", "retention.ms", "-1"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topic " + topic, e);
        }
    }

    /** Where each partition of the topic ends now: the offset its next record will have. */
    Map<TopicPartition, Long> endOffsets(String topic, int partitions) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return consumer.endOffsets(partitionsOf(topic, partitions));
        }
    }

    /**
     * Reads the first {@code count} records from these offsets on (one per partition of a topic); fails if fewer
     * arrive in time.
     */
    List<Message> readFrom(Map<TopicPartition, Long> offsets, int count, Duration patience) {
        String topic = offsets.keySet().iterator().next().topic();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(offsets.keySet());
            offsets.forEach(consumer::seek);
            List<Message> messages = new ArrayList<>(count);
            Instant deadline = Instant.now().plus(patience);
            while (messages.size() < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "read " + messages.size() + " of " + count + " records of " + topic + " in " + patience);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    messages.add(new Message(
                            record.partition(),
                            record.key(),
                            record.value(),
                            record.headers().toArray()));
                }
            }
            return messages.subList(0, count);
        }
    }

    /**
     * Sends every message to the same partition of {@code topic} with one idempotent producer ({@code acks=all}),
     * asynchronously, then flushes; returns the nanoseconds from the first send until the flush returned and every
     * send had succeeded.
     */
    long sendAllAndFlush(String topic, List<Message> messages) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            warmUp(producer, topic);
            AtomicReference<Exception> failure = new AtomicReference<>();
            long started = System.nanoTime();
            for (Message message : messages) {
                producer.send(recordOf(topic, message), (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                });
            }
            producer.flush();
            long elapsed = System.nanoTime() - started;
            if (failure.get() != null) {
                throw new IllegalStateException("the raw producer failed; the run is invalid", failure.get());
            }
            return elapsed;
        }
    }

    /** A raw producer for paced sends; closing it waits for every send and fails if one failed. */
    RawSender sender(String topic) {
        return new RawSender(topic, producer());
    }

    /** Sends messages one at a time without waiting, the way the publisher's broker sees a steady trickle. */
    static final class RawSender implements AutoCloseable {

        private final String topic;
        private final KafkaProducer<byte[], byte[]> producer;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        private RawSender(String topic, KafkaProducer<byte[], byte[]> producer) {
            this.topic = topic;
            this.producer = producer;
            warmUp(producer, topic);
        }

        void send(Message message) {
            producer.send(recordOf(topic, message), (metadata, exception) -> {
                if (exception != null) {
                    failure.compareAndSet(null, exception);
                }
            });
        }

        /** Waits for every send so far; fails if one failed. */
        void flush() {
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("the raw producer failed; the run is invalid", failure.get());
            }
        }

        @Override
        public void close() {
            flush();
            producer.close();
        }
    }

    /**
     * A consumer, positioned at the current end of every partition, that measures each new record's receive time
     * minus its broker append time, and (for CloudEvents from the publisher) minus the event's {@code time}.
     */
    LatencyProbe probe(String topic, int partitions, int expected, boolean cloudEvents) {
        return new LatencyProbe(consumer(), partitionsOf(topic, partitions), expected, cloudEvents);
    }

    /** Measures latencies on its own thread until the expected count of records arrived. */
    static final class LatencyProbe {

        /** The samples, in milliseconds. */
        record Result(Percentiles ackToConsumed, Percentiles storedToConsumed) {}

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final int expected;
        private final boolean cloudEvents;
        private final long[] ackToConsumed;
        private final long[] storedToConsumed;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean stop;
        private volatile int received;
        private Thread thread;

        private LatencyProbe(
                KafkaConsumer<byte[], byte[]> consumer,
                List<TopicPartition> partitions,
                int expected,
                boolean cloudEvents) {
            this.consumer = consumer;
            this.expected = expected;
            this.cloudEvents = cloudEvents;
            this.ackToConsumed = new long[expected];
            this.storedToConsumed = new long[expected];
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy: resolve the positions now, before anything new is sent.
            partitions.forEach(consumer::position);
        }

        LatencyProbe start() {
            thread = new Thread(this::run, "benchmark-latency-probe");
            thread.start();
            return this;
        }

        private void run() {
            try (consumer) {
                while (!stop && received < expected) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    long now = System.currentTimeMillis();
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
                            throw new IllegalStateException("topic " + record.topic()
                                    + " does not stamp records with the broker's append time");
                        }
                        if (received == expected) {
                            throw new IllegalStateException("more records than were sent: the run is invalid");
                        }
                        ackToConsumed[received] = now - record.timestamp();
                        if (cloudEvents) {
                            Instant stored = Instant.parse(
                                    JSON.readTree(record.value()).get("time").asString());
                            storedToConsumed[received] = now - stored.toEpochMilli();
                        }
                        received++;
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }

        Result await(Duration patience) throws InterruptedException {
            thread.join(patience.toMillis());
            stop = true;
            thread.join();
            if (failure.get() != null) {
                throw new IllegalStateException("the latency consumer failed", failure.get());
            }
            if (received != expected) {
                throw new IllegalStateException(
                        "received " + received + " of " + expected + " records in " + patience + ": run invalid");
            }
            return new Result(new Percentiles(ackToConsumed), cloudEvents ? new Percentiles(storedToConsumed) : null);
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends one empty record to every partition and waits for each acknowledgement, so that the measured sends find
     * the producer connected and every partition's leader ready (an idempotent producer that meets a partition
     * whose leader is still being elected can stall in out-of-order-sequence retries).
     */
    private static void warmUp(KafkaProducer<byte[], byte[]> producer, String topic) {
        try {
            for (int partition = 0; partition < producer.partitionsFor(topic).size(); partition++) {
                producer.send(new ProducerRecord<>(topic, partition, null, new byte[0]))
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming up the raw producer", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the raw producer could not reach " + topic + "; the run is invalid", e);
        }
    }

    private static ProducerRecord<byte[], byte[]> recordOf(String topic, Message message) {
        return new ProducerRecord<>(
                topic, message.partition(), message.key(), message.value(), List.of(message.headers()));
    }

    private static List<TopicPartition> partitionsOf(String topic, int partitions) {
        return IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(topic, p))
                .toList();
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.BATCH_SIZE_CONFIG,
                batchBytes,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    }
}
