package org.disclosureledger.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosureledger.api.Examples.disclosure;
import static org.disclosureledger.api.Examples.map;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.disclosureledger.api.LedgerApplication;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code verify} where the README's run command keeps the ledger: once the application on its embedded default has
 * stopped, verify with only {@code --ledger.data-dir} opens the embedded database there and checks the checkpoints
 * with the public half of the key the application generated, and PostgreSQL refuses its sessions any write.
 */
class VerifyEmbeddedLedgerTest {

    @TempDir
    Path dataDir;

    @Test
    void givenALedgerOnTheEmbeddedDefault_whenItHasStopped_thenVerifyFindsItIntact_andCannotWriteToIt()
            throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir, "--ledger.embedded.kafka.port=0")) {
            recordADisclosure(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            LedgerStore store = app.getBean(LedgerStore.class);
            Instant deadline = Instant.now().plusSeconds(30);
            while (store.size() == 0) {
                assertThat(Instant.now()).as("sequenced within 30 s").isBefore(deadline);
                Thread.sleep(50);
            }
            app.getBean(Checkpointer.class).signNow();
        }
        String[] whereTheLedgerIs = {"--ledger.data-dir=" + dataDir};
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = VerifyCommand.run(whereTheLedgerIs, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        // The disclosure, and whatever the sample rulebook's judging added; at least one checkpoint signed by the key
        // the application generated.
        assertThat(out.toString(StandardCharsets.UTF_8))
                .matches("ledger intact: [1-9][0-9]* entries and [1-9][0-9]* signed checkpoints verified\n");
        try (ConfigurableApplicationContext verifying = VerifyCommand.start(whereTheLedgerIs)) {
            JdbcTemplate session = verifying.getBean(JdbcTemplate.class);
            assertThatThrownBy(() -> session.update("delete from ledger_checkpoint"))
                    .hasMessageContaining("read-only transaction");
        }
    }

    private static void recordADisclosure(int port) {
        LedgerClient.Response recorded = new LedgerClient(port)
                .asDevUser(map("role", "recorder", "states", List.of("CA")))
                .postJson("/api/v1/disclosures", disclosure("verify-embedded-1", "QXVERIFY2291"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }
}
