package org.disclosureledger.projections.summary;

import java.time.Clock;
import java.time.ZoneOffset;
import org.disclosureledger.projections.eventstore.EventStoreConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The smallest application around the agency summaries: Boot's and Axon's auto-configuration, the event store, the
 * agency summaries, and the ledger's clock, fixed at {@link SummaryExamples#NOW}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({EventStoreConfiguration.class, AgencySummaryConfiguration.class})
class SummaryTestApplication {

    @Bean
    Clock clock() {
        return Clock.fixed(SummaryExamples.NOW, ZoneOffset.UTC);
    }
}
