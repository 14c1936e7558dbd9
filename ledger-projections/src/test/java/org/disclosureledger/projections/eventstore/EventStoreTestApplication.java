package org.disclosureledger.projections.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The smallest application around the event store, for its tests: Boot's and Axon's auto-configuration, the event
 * store configuration, and the ledger's clock fixed at {@link #NOW}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EventStoreConfiguration.class)
class EventStoreTestApplication {

    /** The ledger's time in these tests. */
    static final Instant NOW = Instant.parse("2025-07-01T12:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
