package org.disclosureledger.projections.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.checkpoint.SignatureFailure;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A ledger whose signing key was replaced (the embedded default's keys directory lost while its database survived,
 * or another ledger's key configured) signs nothing more: every watchdog pinned the key that signed its checkpoints,
 * and would reject each new one. It says so once in its log, and the entries no checkpoint covers grow.
 */
@SpringBootTest(
        classes = IntegrityTestApplication.class,
        properties = {"ledger.checkpoint.origin=test.disclosure-ledger/log", "ledger.checkpoint.poll=1h"})
@DirtiesContext
class CheckpointKeyChangeTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerStore store;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void givenCheckpointsSignedWithOneKey_whenAnotherKeyIsToSignTheNext_thenNothingIsSigned() {
        Disclosures.records("key-a", 5).forEach(commands::sendAndWait);
        SequencerTest.awaitSequenced(jdbc, store);
        checkpointer.signNow();
        long signed = store.latestCheckpoint().orElseThrow().treeSize();
        Disclosures.records("key-b", 3).forEach(commands::sendAndWait);
        SequencerTest.awaitSequenced(jdbc, store);
        byte[] otherSeed = new byte[32];
        otherSeed[0] = 1;
        Checkpointer withANewKey = new Checkpointer(
                store,
                NoteSigner.fromSeed("test.disclosure-ledger/log", otherSeed),
                Clock.systemUTC(),
                transactions,
                "test.disclosure-ledger/log",
                1_000,
                Duration.ofSeconds(5),
                Duration.ofHours(1));

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger checkpointerLog = (Logger) LoggerFactory.getLogger(Checkpointer.class);
        checkpointerLog.addAppender(log);
        log.start();
        try {
            assertThatThrownBy(withANewKey::signNow).isInstanceOf(SignatureFailure.class);
            assertThatThrownBy(withANewKey::signNow).isInstanceOf(SignatureFailure.class);
        } finally {
            checkpointerLog.detachAppender(log);
        }

        assertThat(store.latestCheckpoint().orElseThrow().treeSize()).isEqualTo(signed);
        assertThat(withANewKey.unsignedEntries())
                .as("entries no checkpoint covers")
                .isEqualTo(3);
        assertThat(log.list)
                .as("the refusal is logged once, naming the key it has")
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                    assertThat(event.getFormattedMessage())
                            .startsWith("Refusing to sign: the checkpoint at size " + signed)
                            .contains(NoteSigner.fromSeed("test.disclosure-ledger/log", otherSeed)
                                    .verifierKey());
                });
        assertThat(checkpointer.signNow())
                .as("the ledger's own key still signs")
                .isPresent();
        assertThat(checkpointer.unsignedEntries()).isZero();
    }
}
