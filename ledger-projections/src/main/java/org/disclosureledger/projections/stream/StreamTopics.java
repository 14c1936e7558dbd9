package org.disclosureledger.projections.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream's three topics, created when missing with the partitions and retention of {@code docs/stream.md}, and
 * never changed when they exist. Publishers call {@link #ensureCreated()} before their first message, so a broker that
 * was away at start-up gets the topics as soon as it is back, before the broker could create them with its own
 * defaults.
 */
final class StreamTopics {

    private static final Logger log = LoggerFactory.getLogger(StreamTopics.class);

    /** The topic names and their shape. */
    record Settings(String disclosures, String checkpoints, String alerts, int partitions, short replicationFactor) {

        Settings {
            if (partitions < 1) {
                throw new IllegalArgumentException("ledger.stream.partitions must be at least 1, not " + partitions);
            }
            if (replicationFactor < 1) {
                throw new IllegalArgumentException(
                        "ledger.stream.replication-factor must be at least 1, not " + replicationFactor);
            }
            for (String name : List.of(disclosures, checkpoints, alerts)) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("ledger.stream.topics.* must name a topic");
                }
            }
        }
    }

    private final Settings settings;
    private final Map<String, Object> adminProperties;
    private final Duration timeout;
    private final int producerBatchBytes;
    private volatile boolean created;

    /**
     * @param producerBatchBytes the stream producer's {@code batch.size}: no topic may take smaller messages (see
     *     {@link #ensureCreated()})
     */
    StreamTopics(Settings settings, Map<String, Object> adminProperties, Duration timeout, int producerBatchBytes) {
        this.settings = settings;
        this.producerBatchBytes = producerBatchBytes;
        this.adminProperties = new HashMap<>(adminProperties);
        this.adminProperties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminProperties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.timeout = timeout;
    }

    Settings settings() {
        return settings;
    }

    /** The topics as docs/stream.md describes them: kept for ever, disclosures partitioned, the others one each. */
    List<NewTopic> topics() {
        Map<String, String> config = new HashMap<>();
        config.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        if (settings.replicationFactor() >= 3) {
            // acks=all then survives the loss of one replica and refuses writes held by a single one.
            config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        return List.of(
                new NewTopic(settings.disclosures(), settings.partitions(), settings.replicationFactor())
                        .configs(config),
                new NewTopic(settings.checkpoints(), 1, settings.replicationFactor()).configs(config),
                new NewTopic(settings.alerts(), 1, settings.replicationFactor()).configs(config));
    }

    /**
     * Creates whichever of the topics does not exist yet, then checks that each takes messages at least as large as the
     * producer's batches; after the first success it does nothing. A topic that takes smaller ones is refused: when
     * the broker refuses a batch of several messages as too large, Kafka's producer (4.1) splits it into batches of its
     * {@code batch.size} and sends them again, so a batch under {@code batch.size} yet over the topic's limit is split
     * and sent again without end (KAFKA-8350; in a test it ended in a StackOverflowError in the relay). Checked again
     * at every call until it passes, so a topic's limit raised while the application runs is taken up at the next
     * batch. Left out, with a warning, where the client may not read topic configurations.
     *
     * @throws StreamPublishFailure if the broker could not be asked, or a topic takes messages smaller than a batch
     */
    void ensureCreated() {
        if (created) {
            return;
        }
        synchronized (this) {
            if (created) {
                return;
            }
            try (Admin admin = Admin.create(adminProperties)) {
                Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                List<NewTopic> missing = topics().stream()
                        .filter(topic -> !existing.contains(topic.name()))
                        .toList();
                if (!missing.isEmpty()) {
                    for (Map.Entry<String, KafkaFuture<Void>> result :
                            admin.createTopics(missing).values().entrySet()) {
                        awaitCreated(result.getKey(), result.getValue());
                    }
                }
                requireMessagesAsLargeAsABatch(admin);
                created = true;
            } catch (StreamPublishFailure e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StreamPublishFailure.beforeSending(
                        settings.disclosures(), "interrupted while creating topics", e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                throw StreamPublishFailure.beforeSending(
                        settings.disclosures(), "the stream's topics could not be checked or created: " + e, e);
            }
        }
    }

    private void requireMessagesAsLargeAsABatch(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<ConfigResource> resources =
                List.of(settings.disclosures(), settings.checkpoints(), settings.alerts()).stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .toList();
        Map<ConfigResource, Config> configs = describe(admin, resources);
        if (configs == null) {
            return;
        }
        for (ConfigResource topic : resources) {
            ConfigEntry limit = configs.get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (limit != null && Integer.parseInt(limit.value().trim()) < producerBatchBytes) {
                throw StreamPublishFailure.beforeSending(
                        topic.name(),
                        "the topic takes messages of at most " + limit.value() + " bytes (max.message.bytes), fewer"
                                + " than the stream producer's batches of " + producerBatchBytes + " bytes"
                                + " (batch.size), so Kafka's producer would split a refused batch again and again"
                                + " without end; raise the topic's max.message.bytes to " + producerBatchBytes
                                + " or more, or lower the producer's batch.size (spring.kafka.producer.batch-size,"
                                + " or spring.kafka.producer.properties.batch.size where that is set) to "
                                + limit.value() + " or less",
                        null);
            }
        }
    }

    /**
     * The topics' configurations. A topic just created may not be known yet to the broker that answers, so an
     * unknown topic is asked about again until the timeout. Null, after a warning, when the client may not read
     * topic configurations (no {@code DescribeConfigs} permission): the check is then left to the operator.
     */
    private Map<ConfigResource, Config> describe(Admin admin, List<ConfigResource> resources)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeConfigs(resources)
                        .all()
                        .get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AuthorizationException) {
                    log.warn(
                            "The stream's topics' max.message.bytes could not be read ({}): not checked against"
                                    + " the producer's batch.size of {} bytes; see docs/stream.md",
                            e.getCause().toString(),
                            producerBatchBytes);
                    return null;
                }
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private void awaitCreated(String name, KafkaFuture<Void> creation)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            creation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created topic {}", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
