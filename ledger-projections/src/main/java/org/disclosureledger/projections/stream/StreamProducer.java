package org.disclosureledger.projections.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.disclosureledger.core.stream.StreamAttributes;

/**
 * Sends CloudEvents to Kafka in structured mode, and waits until the broker acknowledged every one of them, or fails:
 * at once ({@link #sendAll}), or once the caller has done other work meanwhile ({@link #send}, then
 * {@link Acknowledgements#await}).
 *
 * <p>The producer is idempotent with {@code acks=all} and at most five requests in flight, so that retries inside
 * the client neither duplicate nor reorder a partition's messages; these settings are forced whatever the
 * application's Kafka properties say. Timeouts default to seconds rather than Kafka's minutes, so that a broker that
 * went away surfaces quickly and the caller's retry (with backoff) takes over; the application may override them
 * ({@code spring.kafka.producer.properties.*}). A batch is handed over whole before waiting once for all its
 * acknowledgements, whose timeout runs from when it was handed over.
 */
final class StreamProducer implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final Duration acknowledgementTimeout;

    /**
     * @param kafkaProperties        the application's producer properties (bootstrap servers, security, ...)
     * @param acknowledgementTimeout how long to wait for a batch's acknowledgements before failing it
     */
    StreamProducer(Map<String, Object> kafkaProperties, Duration acknowledgementTimeout) {
        this(new KafkaProducer<>(settings(kafkaProperties, acknowledgementTimeout)), acknowledgementTimeout);
    }

    StreamProducer(Producer<String, byte[]> producer, Duration acknowledgementTimeout) {
        this.producer = producer;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /** The producer settings: the application's, with the delivery guarantees forced and short default timeouts. */
    static Map<String, Object> settings(Map<String, Object> kafkaProperties, Duration acknowledgementTimeout) {
        Map<String, Object> settings = new HashMap<>(kafkaProperties);
        int requestTimeout = (int) Math.max(1000, acknowledgementTimeout.toMillis() / 3);
        settings.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) acknowledgementTimeout.toMillis());
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) requestTimeout);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "disclosure-ledger-stream");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return settings;
    }

    /** A Kafka record holding a CloudEvent in structured JSON mode, with its content-type header. */
    static ProducerRecord<String, byte[]> record(String topic, String key, byte[] structuredMessage) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, structuredMessage);
        record.headers()
                .add(
                        StreamAttributes.CONTENT_TYPE_HEADER,
                        StreamAttributes.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Sends the records in order and returns once the broker acknowledged all of them. The producer sends what it
     * holds at once rather than lingering for more.
     *
     * @throws StreamPublishFailure if any was refused or not acknowledged in time; some may have been written
     */
    void sendAll(String topic, List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            // Nothing to wait for: a flush would wait for whatever else was handed over.
            return;
        }
        Acknowledgements acknowledgements = send(topic, records);
        flush();
        acknowledgements.await();
    }

    /**
     * Hands the records to the producer in order, without waiting for the broker; their acknowledgements are due
     * within the acknowledgement timeout from now. The producer may linger a few milliseconds for more before sending
     * them ({@code linger.ms}), unless {@link #flush} is called.
     *
     * <p>Stops at the first record the producer refuses at once. With the broker away and the topic's metadata
     * forgotten, each record waits {@code max.block.ms} before it is refused: going on would keep a batch of 500 (and
     * the relay's transaction) for half an hour, not a few seconds.
     *
     * @throws StreamPublishFailure if the producer refused a record at once; the records before it were handed over
     */
    Acknowledgements send(String topic, List<ProducerRecord<String, byte[]>> records) {
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        List<Future<RecordMetadata>> futures = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, byte[]> record : records) {
                Future<RecordMetadata> sent = producer.send(record);
                futures.add(sent);
                Throwable refused = refusedAtOnce(sent);
                if (refused != null) {
                    throw new StreamPublishFailure(
                            topic,
                            records.size(),
                            "the producer refused message " + futures.size() + " of " + records.size()
                                    + " at once, and was handed no more: " + refused,
                            refused);
                }
            }
        } catch (KafkaException e) {
            throw new StreamPublishFailure(topic, records.size(), e.toString(), e);
        }
        return new Acknowledgements(topic, futures, deadline);
    }

    /** Why the producer failed a record as it was handed over (no metadata in time, too large), or null. */
    private static Throwable refusedAtOnce(Future<RecordMetadata> sent) {
        if (!sent.isDone()) {
            return null;
        }
        try {
            sent.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /**
     * Sends every record handed over at once and waits until each has been acknowledged or has failed. Interrupted,
     * it returns with the thread's interrupt flag set, which the next {@link Acknowledgements#await} reports.
     */
    void flush() {
        try {
            producer.flush();
        } catch (InterruptException e) {
            // Kafka's InterruptException sets the flag again.
        }
    }

    /** The broker's acknowledgements of records handed to the producer, in the order they were handed over. */
    final class Acknowledgements {

        private final String topic;
        private final List<Future<RecordMetadata>> futures;
        private final long deadline;

        private Acknowledgements(String topic, List<Future<RecordMetadata>> futures, long deadline) {
            this.topic = topic;
            this.futures = futures;
            this.deadline = deadline;
        }

        /** How many records were handed over. */
        int count() {
            return futures.size();
        }

        /**
         * Returns once the broker acknowledged every record.
         *
         * @throws StreamPublishFailure if any was refused or not acknowledged in time; some may have been written
         */
        void await() {
            try {
                for (Future<RecordMetadata> acknowledgement : futures) {
                    acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamPublishFailure(topic, futures.size(), "interrupted while waiting", e);
            } catch (ExecutionException e) {
                throw new StreamPublishFailure(
                        topic, futures.size(), e.getCause().toString(), e.getCause());
            } catch (TimeoutException e) {
                throw new StreamPublishFailure(
                        topic, futures.size(), "no acknowledgement within " + acknowledgementTimeout, e);
            }
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
