package org.disclosureledger.api.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.disclosureledger.api.LedgerApplication;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.disclosureledger.embedded.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The full-stack scenario on the application's own defaults, as the README's run command starts it: no database URL
 * and no Kafka bootstrap servers, so the application starts its embedded PostgreSQL and Kafka broker and generates its
 * keys in its data directory (here a temporary one, with the broker on a free port). Runs on every build; on a Docker
 * host {@link FullStackOnContainersTest} runs the same scenario against containers.
 */
class FullStackOnEmbeddedServicesTest {

    /** The disclosures topic's documented default name (docs/stream.md). */
    private static final String DISCLOSURES_TOPIC = "disclosure-ledger.disclosures";

    @TempDir
    Path dataDir;

    @Test
    void withNoDatabaseOrBrokerConfigured_theApplicationRecordsServesHistoriesAndPublishesOnItsEmbeddedServices()
            throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        // Command-line arguments: they take precedence over the packaged application.yml.
                        "--server.port=0", "--ledger.data-dir=" + dataDir, "--ledger.embedded.kafka.port=0")) {
            assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
                    .isNull();
            assertThat(app.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))
                    .isNull();
            List<String> bootstrapServers =
                    app.getBean(KafkaConnectionDetails.class).getBootstrapServers();
            assertThat(bootstrapServers)
                    .as("the Kafka clients connect to the application's own broker")
                    .containsExactly(app.getBean(EmbeddedKafkaBroker.class).bootstrapServers());
            Path keyFile = dataDir.resolve("keys").resolve("pseudonym.key");
            assertThat(keyFile).as("the embedded default generates its key").exists();
            Pseudonymiser pseudonymiser = new Pseudonymiser(
                    Base64.getDecoder().decode(Files.readString(keyFile).trim()));

            FullStackScenario.run(new FullStackScenario.Target(
                    app.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
                    String.join(",", bootstrapServers),
                    DISCLOSURES_TOPIC,
                    pseudonymiser,
                    true));
        }
    }
}
