package org.disclosureledger.watchdog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.watchdog.stream.Topics;

/**
 * The stream's three topics under a fresh prefix on the shared test broker, created as the ledger creates them, and a
 * producer that writes records as the publisher does (keyed, with the structured-mode content-type header).
 */
final class StreamFixture implements AutoCloseable {

    final String bootstrap = SharedKafka.bootstrapServers();
    final String prefix = "watchdog-test-" + UUID.randomUUID().toString().substring(0, 8);
    final Topics topics = Topics.withPrefix(prefix);
    private final KafkaProducer<String, byte[]> producer;

    StreamFixture() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(topics.disclosures(), 3, (short) 1),
                            new NewTopic(topics.checkpoints(), 1, (short) 1),
                            new NewTopic(topics.alerts(), 1, (short) 1)))
                    .all()
                    .get();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(config);
    }

    /** Sends to the disclosures topic, keyed by the disclosure id; returns where it landed. */
    RecordMetadata disclosure(Messages.Disclosure message) throws Exception {
        return send(topics.disclosures(), message.disclosureId(), message.bytes());
    }

    RecordMetadata checkpoint(long treeSize, String note) throws Exception {
        return send(topics.checkpoints(), TestLedger.ORIGIN, Messages.checkpoint(treeSize, note));
    }

    RecordMetadata send(String topic, String key, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers()
                .add(
                        StreamAttributes.CONTENT_TYPE_HEADER,
                        StreamAttributes.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
        return producer.send(record).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
