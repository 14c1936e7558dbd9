package org.disclosureledger.api.fullstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.disclosureledger.api.LedgerApplication;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The full-stack scenario against the production shape: PostgreSQL and Kafka in containers (the images the shared test
 * fixtures and the compose file use), the application configured with their addresses and with key files, as a
 * deployment configures it. Needs a Docker engine; without one JUnit reports this class as skipped, and
 * {@link FullStackOnEmbeddedServicesTest} runs the same scenario on the embedded services.
 */
@Testcontainers(disabledWithoutDocker = true)
class FullStackOnContainersTest {

    private static final String DISCLOSURES_TOPIC = "disclosure-ledger.disclosures";

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    @Container
    static final KafkaContainer KAFKA =
            new KafkaContainer("apache/kafka:4.1.2").withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");

    @TempDir
    Path dataDir;

    @Test
    void onContainers_theApplicationRecordsServesHistoriesAndPublishes() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = Files.writeString(
                dataDir.resolve("pseudonym.key"), Base64.getEncoder().encodeToString(key));
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        Path signerFile = Files.writeString(
                dataDir.resolve("checkpoint-signer.key"),
                NoteSigner.fromSeed("localhost/disclosure-ledger", seed).signerKey());

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--ledger.data-dir=" + dataDir,
                        "--spring.datasource.url=" + POSTGRES.getJdbcUrl(),
                        "--spring.datasource.username=" + POSTGRES.getUsername(),
                        "--spring.datasource.password=" + POSTGRES.getPassword(),
                        "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                        "--ledger.pseudonym.key-file=" + keyFile,
                        "--ledger.checkpoint.signing-key-file=" + signerFile,
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                                + TestTokens.publicKeyFile(),
                        "--ledger.security.issuer=" + TestTokens.ISSUER)) {
            FullStackScenario.run(new FullStackScenario.Target(
                    app.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
                    KAFKA.getBootstrapServers(),
                    DISCLOSURES_TOPIC,
                    new Pseudonymiser(key),
                    false));
        }
    }
}
