package org.disclosureledger.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.disclosureledger.projections.testing.Tampering;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator's {@code verify} command, run against the same database as a running node: exit 0 and one line when
 * the ledger is intact; after a payload byte is rewritten, exit 1 and a line naming the ledger index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.checkpoint.poll=1h")
class VerifyCommandTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerStore store;

    @Autowired
    Checkpointer checkpointer;

    @Test
    void givenAnIntactLedger_thenExit0_andAfterARewriteAndAnInsertion_thenExit1NamingThem() throws Exception {
        LedgerClient client = LedgerClient.recorder(port);
        for (int i = 0; i < 4; i++) {
            client.postJson("/api/v1/disclosures", Examples.disclosure("verify-" + i, "VERIFY000" + i));
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (store.size() < 4) {
            assertThat(Instant.now()).as("sequenced within 30 s").isBefore(deadline);
            Thread.sleep(50);
        }
        checkpointer.signNow();

        ByteArrayOutputStream intact = new ByteArrayOutputStream();
        int intactExit = VerifyCommand.run(arguments(), new PrintStream(intact, true, StandardCharsets.UTF_8));
        String event =
                jdbc.queryForObject("select event_identifier from ledger_entry where ledger_index = 2", String.class);
        Tampering.withoutAppendOnlyTriggers(
                jdbc,
                "domain_event_entry",
                () -> jdbc.update(
                        "update domain_event_entry set payload = overlay(payload placing '\\x20'::bytea from 30 for 1)"
                                + " where event_identifier = ?",
                        event));
        // As if the ledger had been sequenced an hour ago, past the grace for events committed late.
        Tampering.withoutAppendOnlyTriggers(
                jdbc,
                "ledger_entry",
                () -> jdbc.update("update ledger_entry set sequenced_at = sequenced_at - interval '1 hour'"));
        Tampering.insertEventBelowTheSequencer(jdbc, event, "2025-06-01T12:00:00Z");
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        int tamperedExit = VerifyCommand.run(arguments(), new PrintStream(tampered, true, StandardCharsets.UTF_8));

        assertThat(intactExit).as(intact.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(intact.toString(StandardCharsets.UTF_8)).contains("ledger intact: 4 entries and 1 signed");
        assertThat(tamperedExit).as(tampered.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(tampered.toString(StandardCharsets.UTF_8))
                .contains("LEAF_HASH_CHANGED at ledger index 2")
                .contains("CHECKPOINT_ROOT_MISMATCH at checkpoint at tree size 4")
                .contains("EVENT_NOT_SEQUENCED at the event table: the event stored at global index 0");
    }

    @Test
    void givenNoDatabaseKey_thenExit2WithAOneLineReason() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] withoutKeys = {
            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
            "--spring.datasource.password=" + environment.getProperty("spring.datasource.password")
        };
        int exit = VerifyCommand.run(withoutKeys, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("verify could not run: ledger.")
                .contains("key-file is not set")
                .hasLineCount(1);
    }

    private String[] arguments() {
        return new String[] {
            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
            "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
            "--ledger.pseudonym.key-file=" + environment.getProperty("ledger.pseudonym.key-file"),
            "--ledger.checkpoint.signing-key-file=" + environment.getProperty("ledger.checkpoint.signing-key-file"),
            "--ledger.data-dir=" + environment.getProperty("ledger.data-dir"),
            "--ledger.checkpoint.poll=1h"
        };
    }
}
