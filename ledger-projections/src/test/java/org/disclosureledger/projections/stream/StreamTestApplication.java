package org.disclosureledger.projections.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.projections.eventstore.EventStoreConfiguration;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.integrity.LedgerSequencer;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.disclosureledger.projections.integrity.SequencerConfiguration;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestTopics;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The event store, the integrity sequencer and checkpointer, and the watchdog stream, for the stream tests; the
 * ledger's clock is fixed and checkpoints are signed when a test asks ({@code ledger.checkpoint.poll} is long).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
    EventStoreConfiguration.class,
    SequencerConfiguration.class,
    LedgerSequencer.class,
    LedgerStore.class,
    Checkpointer.class,
    StreamConfiguration.class
})
class StreamTestApplication {

    static final String ORIGIN = "test.disclosure-ledger/log";
    static final NoteSigner SIGNER = NoteSigner.fromSeed(ORIGIN, new byte[32]);

    /** The properties every stream test context sets, next to its database and broker. */
    static final String[] PROPERTIES = {
        "ledger.checkpoint.origin=" + ORIGIN,
        "ledger.checkpoint.poll=1h",
        "ledger.stream.partitions=3",
        "ledger.stream.checkpoint-poll=200ms"
    };

    /** Registers a fresh database, the test class's topics on the shared broker and {@link #PROPERTIES}. */
    static TestTopics register(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
        TestTopics topics = SharedKafka.register(registry);
        registerProperties(registry);
        return topics;
    }

    /** Registers {@link #PROPERTIES}. */
    static void registerProperties(DynamicPropertyRegistry registry) {
        for (String property : PROPERTIES) {
            String[] pair = property.split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
    }

    @Bean
    NoteSigner checkpointSigner() {
        return SIGNER;
    }

    @Bean
    Clock clock() {
        return Clock.fixed(Instant.parse("2025-07-01T12:00:00Z"), ZoneOffset.UTC);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
