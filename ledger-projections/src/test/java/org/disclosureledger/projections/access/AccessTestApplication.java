package org.disclosureledger.projections.access;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.disclosureledger.projections.eventstore.EventStoreConfiguration;
import org.disclosureledger.projections.history.PersonHistoryConfiguration;
import org.disclosureledger.projections.summary.AgencySummaryConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The access log next to the two read models that also see every stored event (the person history and the agency
 * summaries), on Boot's and Axon's auto-configuration and the event store, with the ledger's clock fixed at
 * {@link #NOW}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
    EventStoreConfiguration.class,
    HistoryAccessConfiguration.class,
    PersonHistoryConfiguration.class,
    AgencySummaryConfiguration.class
})
class AccessTestApplication {

    static final Instant NOW = Instant.parse("2025-10-05T12:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
