package org.disclosureledger.projections.integrity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.projections.eventstore.EventStoreConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The event store with the sequencer, for the integrity tests; the ledger's clock is fixed at {@link #NOW}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
    EventStoreConfiguration.class,
    SequencerConfiguration.class,
    LedgerSequencer.class,
    LedgerStore.class,
    Checkpointer.class,
    LedgerVerifier.class
})
class IntegrityTestApplication {

    static final Instant NOW = Instant.parse("2025-07-01T12:00:00Z");

    /** A fixed signing key, so tests can pin its public half. */
    static final NoteSigner SIGNER = NoteSigner.fromSeed("test.disclosure-ledger/log", new byte[32]);

    @Bean
    NoteSigner checkpointSigner() {
        return SIGNER;
    }

    @Bean
    NoteVerifier checkpointVerifier() {
        return SIGNER.verifier();
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
