package org.disclosureledger.projections.investigation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.projections.eventstore.EventStoreConfiguration;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.integrity.LedgerSequencer;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.disclosureledger.projections.integrity.SequencerConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** The event store, the sequencer, the checkpointer and investigations, with the test rulebook and a fixed clock. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
    EventStoreConfiguration.class,
    SequencerConfiguration.class,
    LedgerSequencer.class,
    LedgerStore.class,
    Checkpointer.class,
    InvestigationConfiguration.class
})
class InvestigationTestApplication {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static final NoteSigner SIGNER = NoteSigner.fromSeed("test.disclosure-ledger/log", new byte[32]);

    @Bean
    NoteSigner checkpointSigner() {
        return SIGNER;
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** Judges at record time and in investigations alike (the event store brings the configured one too). */
    @Bean
    @Primary
    RulebookLibrary rulebookLibrary() {
        return new TestRulebooks();
    }
}
