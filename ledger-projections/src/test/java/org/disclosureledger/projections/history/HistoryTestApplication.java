package org.disclosureledger.projections.history;

import org.disclosureledger.projections.eventstore.EventStoreConfiguration;
import org.disclosureledger.projections.testing.MutableClock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The smallest application around the person history: Boot's and Axon's auto-configuration, the event store, the
 * person history, and the ledger's clock, which starts at {@link HistoryExamples#NOW} and which tests may move.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({EventStoreConfiguration.class, PersonHistoryConfiguration.class})
class HistoryTestApplication {

    @Bean
    MutableClock clock() {
        return new MutableClock(HistoryExamples.NOW);
    }
}
