package org.disclosureledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data: the application, started with no database configured, records a disclosure,
 * stops, starts again on the same data directory, and still has it, with the same pseudonymisation key.
 */
class RestartTest {

    private static final Map<String, Object> RECORDER = Map.of("role", "recorder", "states", java.util.List.of("CA"));

    @TempDir
    Path dataDir;

    @Test
    void givenTheEmbeddedDefault_whenTheApplicationRestarts_thenTheDisclosureIsStillThere() {
        Map<String, Object> body = Examples.disclosure("restart-1", "RESTART0001");
        String recordedAt;
        try (ConfigurableApplicationContext first = start()) {
            LedgerClient.Response recorded =
                    new LedgerClient(port(first)).asDevUser(RECORDER).postJson("/api/v1/disclosures", body);
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            recordedAt = recorded.json().path("recordedAt").asString();
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        assertThat(dataDir.resolve("kafka/meta.properties")).exists();
        assertThat(dataDir.resolve("keys/pseudonym.key")).exists();

        try (ConfigurableApplicationContext second = start()) {
            LedgerClient client = new LedgerClient(port(second)).asDevUser(RECORDER);
            LedgerClient.Response status = client.get("/api/v1/disclosures/restart-1");
            LedgerClient.Response retry = client.postJson("/api/v1/disclosures", body);

            assertThat(status.status()).as(status.body()).isEqualTo(200);
            assertThat(status.json().path("recordedAt").asString()).isEqualTo(recordedAt);
            assertThat(retry.status())
                    .as("same key, so the same pseudonyms and the same request digest")
                    .isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.embedded.kafka.port=0", "--ledger.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
