package org.disclosureledger.projections.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.serialization.Serializer;
import org.disclosureledger.projections.eventstore.ProcessorLag;
import org.disclosureledger.projections.integrity.SequencerConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Puts the watchdog stream into an application: the stream relay feeding the disclosures topic from the ledger, the
 * checkpoint publisher, the topics and the metrics. On unless {@code ledger.stream.enabled=false}. The broker is the
 * one Spring Boot's Kafka connection details name ({@code spring.kafka.*}, or the application's embedded broker); the
 * rest is {@code ledger.stream.*} (see docs/stream.md).
 *
 * <p>The relay ({@link StreamRelay}) publishes in ledger order, in batches of up to {@code ledger.stream.batch-size}
 * entries (default 500), in turns of about half a second that are one transaction each, and when it finds nothing to
 * publish looks again after {@code ledger.stream.poll} (default 100 ms). A new ledger is published from its first
 * entry.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${ledger.stream.enabled:true}")
public class StreamConfiguration {

    /**
     * The name the relay's lag is reported under in {@code ledger.processor.lag}, as when an event processor of that
     * name published the stream.
     */
    public static final String PUBLISHER_NAME = "watchdog-stream";

    @Bean
    StreamTopics streamTopics(
            KafkaProperties kafka,
            @Value("${ledger.stream.topics.disclosures:disclosure-ledger.disclosures}") String disclosures,
            @Value("${ledger.stream.topics.checkpoints:disclosure-ledger.checkpoints}") String checkpoints,
            @Value("${ledger.stream.topics.alerts:disclosure-ledger.alerts}") String alerts,
            @Value("${ledger.stream.partitions:6}") int partitions,
            @Value("${ledger.stream.replication-factor:1}") short replicationFactor,
            @Value("${ledger.stream.acknowledgement-timeout:15s}") Duration timeout,
            KafkaConnectionDetails connection) {
        return new StreamTopics(
                new StreamTopics.Settings(disclosures, checkpoints, alerts, partitions, replicationFactor),
                connect(kafka.buildAdminProperties(), connection.getAdmin()),
                timeout,
                batchBytes(kafka.buildProducerProperties()));
    }

    /**
     * The producer's {@code batch.size}: as configured under {@code spring.kafka.producer}, or Kafka's default. Public
     * for the benchmark, whose raw producer sends batches of the same size.
     */
    public static int batchBytes(Map<String, Object> producerProperties) {
        Object configured = producerProperties.get(ProducerConfig.BATCH_SIZE_CONFIG);
        Object size = configured != null
                ? configured
                : ProducerConfig.configDef().defaultValues().get(ProducerConfig.BATCH_SIZE_CONFIG);
        return Integer.parseInt(String.valueOf(size));
    }

    @Bean(destroyMethod = "close")
    StreamProducer streamProducer(
            KafkaProperties kafka,
            KafkaConnectionDetails connection,
            @Value("${ledger.stream.acknowledgement-timeout:15s}") Duration timeout) {
        return new StreamProducer(connect(kafka.buildProducerProperties(), connection.getProducer()), timeout);
    }

    /**
     * The client settings from {@code spring.kafka.*}, pointed at the broker Spring Boot's connection details name:
     * the configured servers, or one the application started itself (the embedded default).
     */
    static Map<String, Object> connect(Map<String, Object> properties, KafkaConnectionDetails.Configuration broker) {
        Map<String, Object> connected = new HashMap<>(properties);
        connected.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBootstrapServers());
        if (broker.getSecurityProtocol() != null) {
            connected.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, broker.getSecurityProtocol());
        }
        return connected;
    }

    @Bean
    StreamStore streamStore(JdbcTemplate jdbc) {
        return new StreamStore(jdbc);
    }

    @Bean
    DisclosureMessages disclosureMessages(@Value("${ledger.checkpoint.origin}") String origin) {
        return new DisclosureMessages(origin);
    }

    @Bean
    StreamMetrics streamMetrics(ObjectProvider<MeterRegistry> registry, StreamStore store, ProcessorLag lag) {
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        StreamMetrics.registerLag(
                meters,
                PUBLISHER_NAME,
                () -> lag.of(SequencerConfiguration.PROCESSING_GROUP) + store.unpublishedEntries());
        return new StreamMetrics(meters);
    }

    /** The stored events as JSON, through the event store's serializer and upcasters. */
    @Bean
    StoredEvents storedDisclosureEvents(
            @Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration axon) {
        return new StoredEvents(eventSerializer, axon::upcasterChain);
    }

    @Bean
    DisclosureStreamPublisher disclosureStreamPublisher(
            StreamStore store,
            StoredEvents storedEvents,
            DisclosureMessages messages,
            StreamTopics topics,
            StreamProducer producer,
            StreamMetrics metrics) {
        return new DisclosureStreamPublisher(store, storedEvents, messages, topics, producer, metrics);
    }

    /** The relay, started and stopped with the application. */
    @Bean
    StreamRelay streamRelay(
            StreamStore store,
            DisclosureStreamPublisher publisher,
            StoredEvents storedEvents,
            StreamMetrics metrics,
            PlatformTransactionManager transactions,
            @Value("${ledger.stream.batch-size:500}") int batchSize,
            @Value("${ledger.stream.poll:100ms}") Duration poll) {
        return new StreamRelay(store, publisher, storedEvents, metrics, transactions, batchSize, poll);
    }

    @Bean
    CheckpointPublisher checkpointPublisher(
            StreamStore store,
            DisclosureMessages messages,
            StreamTopics topics,
            StreamProducer producer,
            StreamMetrics metrics,
            PlatformTransactionManager transactions,
            @Value("${ledger.checkpoint.origin}") String origin,
            @Value("${ledger.stream.checkpoint-poll:1s}") Duration poll) {
        return new CheckpointPublisher(store, messages, topics, producer, metrics, transactions, origin, poll);
    }
}
