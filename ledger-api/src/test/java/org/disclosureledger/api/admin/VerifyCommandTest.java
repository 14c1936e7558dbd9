package org.disclosureledger.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.Tampering;
import org.disclosureledger.projections.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator's or auditor's {@code verify} command, run against the same database as a running node with nothing but
 * the ledger's public key: exit 0 and one line when the ledger is intact; with another ledger's key, exit 1 and a line
 * saying no checkpoint verifies with it; after a payload byte is rewritten, exit 1 and a line naming the ledger index.
 * A missing key or key file, or a database without a ledger, exit 2 with one line. It writes nothing: on a database without a ledger it makes no tables, with no
 * embedded ledger it makes no database, and PostgreSQL refuses its sessions any write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.checkpoint.poll=1h")
class VerifyCommandTest {

    /** The ledger's public key, as an auditor holds it. */
    private static final Path PUBLIC_KEY = publicKeyFile();

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
    void givenAnIntactLedger_thenExit0_withAnotherKeyExit1SayingSo_afterRewritesExit1NamingThem() throws Exception {
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
        Path otherKey = Files.createTempFile("other-ledger-", ".key");
        Files.writeString(
                otherKey,
                NoteSigner.fromSeed("other.example/ledger", new byte[32]).verifierKey());
        String[] withOtherKey = arguments();
        withOtherKey[withOtherKey.length - 1] = "--ledger.checkpoint.public-key-file=" + otherKey;
        ByteArrayOutputStream otherLedgers = new ByteArrayOutputStream();
        int otherKeyExit = VerifyCommand.run(withOtherKey, new PrintStream(otherLedgers, true, StandardCharsets.UTF_8));
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
        assertThat(otherKeyExit).isEqualTo(1);
        assertThat(otherLedgers.toString(StandardCharsets.UTF_8))
                .contains("CHECKPOINT_SIGNATURE_INVALID at checkpoint at tree size 4")
                .contains("no checkpoint verifies with the key given (other.example/ledger): if it is not this"
                        + " ledger's public key, verify again with the right one");
        assertThat(tamperedExit).as(tampered.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(tampered.toString(StandardCharsets.UTF_8))
                .contains("LEAF_HASH_CHANGED at ledger index 2")
                .contains("CHECKPOINT_ROOT_MISMATCH at checkpoint at tree size 4")
                .contains("EVENT_NOT_SEQUENCED at the event table: the event stored at global index 0");
    }

    @Test
    void givenNoKey_thenExit2WithAOneLineReason() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] withoutKeys = {
            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
            "--spring.datasource.password=" + environment.getProperty("spring.datasource.password")
        };
        int exit = VerifyCommand.run(withoutKeys, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("verify could not run: ledger.checkpoint.public-key-file is not set")
                .hasLineCount(1);
    }

    @Test
    void givenADatabaseWithoutALedger_thenExit2_andItIsLeftEmpty() {
        TestDatabase empty = SharedPostgres.freshDatabase();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] onEmpty = {
            "--spring.datasource.url=" + empty.jdbcUrl(),
            "--spring.datasource.username=" + empty.username(),
            "--spring.datasource.password=" + empty.password(),
            "--ledger.checkpoint.public-key-file=" + PUBLIC_KEY
        };
        int exit = VerifyCommand.run(onEmpty, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("verify could not run: the database holds no ledger (ERROR: relation ")
                .contains("does not exist)")
                .hasLineCount(1);
        try (SingleConnectionDataSource database =
                new SingleConnectionDataSource(empty.jdbcUrl(), empty.username(), empty.password(), true)) {
            assertThat(new JdbcTemplate(database)
                            .queryForObject(
                                    "select count(*) from information_schema.tables where table_schema = 'public'",
                                    Integer.class))
                    .as("tables verify made")
                    .isZero();
        }
    }

    @Test
    void givenNoDatabaseConfigured_andNoEmbeddedLedgerInTheDataDirectory_thenExit2_andNoneIsMade(
            @TempDir Path dataDir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] elsewhere = {"--ledger.data-dir=" + dataDir, "--ledger.checkpoint.public-key-file=" + PUBLIC_KEY};

        int exit = VerifyCommand.run(elsewhere, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("verify could not run: there is no embedded ledger database in "
                        + dataDir.toAbsolutePath().resolve("postgres")
                        + " (set ledger.data-dir to the ledger's, or spring.datasource.url)\n");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void whileVerifying_thenPostgreSqlRefusesEveryWrite_afterTheOperatorsOwnSessionSetUp() {
        String[] withOwnSetUp = Stream.concat(
                        Stream.of(arguments()),
                        Stream.of("--spring.datasource.hikari.connection-init-sql=SET application_name = 'auditor'"))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext verifying = VerifyCommand.start(withOwnSetUp)) {
            JdbcTemplate session = verifying.getBean(JdbcTemplate.class);

            assertThat(session.queryForObject("select current_setting('application_name')", String.class))
                    .isEqualTo("auditor");
            assertThatThrownBy(() -> session.execute("create table verify_was_here (x int)"))
                    .hasMessageContaining("read-only transaction");
            assertThatThrownBy(() -> session.update("delete from ledger_checkpoint"))
                    .hasMessageContaining("read-only transaction");
        }
    }

    @Test
    void givenAKeyFileThatIsNotThere_thenExit2NamingIt() {
        String[] withMissingKey = arguments();
        withMissingKey[withMissingKey.length - 1] = "--ledger.checkpoint.public-key-file=/nonexistent/ledger.key";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = VerifyCommand.run(withMissingKey, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("verify could not run: no such file: /nonexistent/ledger.key\n");
    }

    /** The ledger's public key only, as an auditor has it: no signing key, no pseudonym key. */
    private String[] arguments() {
        return new String[] {
            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
            "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
            "--ledger.checkpoint.public-key-file=" + PUBLIC_KEY
        };
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("ledger-public-", ".key");
            Files.writeString(file, TestLedger.checkpointSigner().verifierKey() + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
