package org.disclosureledger.api.embedded;

import java.nio.file.Path;
import java.util.List;
import org.disclosureledger.embedded.kafka.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real Kafka broker inside the application when {@code spring.kafka.bootstrap-servers} is not set, on
 * 127.0.0.1 port {@code ledger.embedded.kafka.port} with its data under {@code ${ledger.data-dir}/kafka}, so that the
 * watchdog stream works out of the box and keeps its messages across restarts. Spring Boot's Kafka clients (producer,
 * consumer and admin factories) connect to it through the {@link KafkaConnectionDetails} declared here. Production
 * configures bootstrap servers instead and this configuration stays off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.kafka.bootstrap-servers:}'.trim().isEmpty()")
public class EmbeddedKafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaConfiguration.class);

    /**
     * The broker; it stops only after every bean using the connection details below (the Kafka clients) has been
     * destroyed, because the container destroys dependents first.
     */
    @Bean(destroyMethod = "close")
    EmbeddedKafkaBroker embeddedKafkaBroker(
            @Value("${ledger.data-dir}") Path dataDir, @Value("${ledger.embedded.kafka.port}") int port) {
        Path kafkaData = dataDir.toAbsolutePath().resolve("kafka");
        log.info(
                "No spring.kafka.bootstrap-servers configured: starting the embedded Kafka broker with its data in {}",
                kafkaData);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                .port(port)
                .dataDirectory(kafkaData)
                .build()
                .start();
        log.info("Embedded Kafka broker listening on {}", broker.bootstrapServers());
        return broker;
    }

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        List<String> bootstrapServers = List.of(broker.bootstrapServers());
        return () -> bootstrapServers;
    }
}
