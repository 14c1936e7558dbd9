package org.disclosureledger.projections.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.disclosureledger.projections.eventstore.ProcessorLag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Puts the watchdog stream into an application: the disclosure publisher on its own pooled streaming processor, the
 * checkpoint publisher, the topics and the metrics. On unless {@code ledger.stream.enabled=false}. The broker is the
 * one Spring Boot's Kafka connection details name ({@code spring.kafka.*}, or the application's embedded broker); the
 * rest is {@code ledger.stream.*} (see docs/stream.md).
 *
 * <p>The processor {@code watchdog-stream} keeps its tokens in PostgreSQL, handles batches of
 * {@code ledger.stream.batch-size} events (default 100) over {@code ledger.stream.segments} segments (default 4; only
 * used when the tokens are first created), one disclosure's events in order in one segment. Both the handler's and
 * the processor's errors propagate: Axon's default would log a failed batch and move the token past it, losing its
 * messages. A failed batch instead rolls back; the pooled processor releases the segment and claims it again after a
 * backoff (1 s, doubling up to 60 s) from the last stored token, so publishing resumes by itself once the broker is
 * back. A new processor starts at the beginning of the event store: the whole ledger is published.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${ledger.stream.enabled:true}")
public class StreamConfiguration {

    /** The processing group, and the processor's name in the token table. */
    public static final String PROCESSING_GROUP = "watchdog-stream";

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
                timeout);
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
    StreamMetrics streamMetrics(ObjectProvider<MeterRegistry> registry, ProcessorLag lag) {
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        StreamMetrics.registerLag(meters, () -> lag.of(PROCESSING_GROUP));
        return new StreamMetrics(meters);
    }

    /** The disclosure publisher, registered with Axon through its {@code @ProcessingGroup}. */
    @Bean
    DisclosureStreamPublisher disclosureStreamPublisher(
            StreamStore store,
            DisclosureMessages messages,
            StreamTopics topics,
            StreamProducer producer,
            StreamMetrics metrics,
            @Value("${ledger.stream.sequencer-wait:10s}") Duration sequencerWait) {
        return new DisclosureStreamPublisher(store, messages, topics, producer, metrics, sequencerWait);
    }

    /** The publisher's event processor. */
    @Bean
    ConfigurerModule watchdogStreamProcessor(
            @Value("${ledger.stream.batch-size:100}") int batchSize,
            @Value("${ledger.stream.segments:4}") int segments) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("ledger.stream.batch-size must be at least 1, not " + batchSize);
        }
        if (segments < 1) {
            throw new IllegalArgumentException("ledger.stream.segments must be at least 1, not " + segments);
        }
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(
                        PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments))
                .registerSequencingPolicy(PROCESSING_GROUP, configuration -> SequentialPerAggregatePolicy.instance())
                .registerListenerInvocationErrorHandler(
                        PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
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
