package org.disclosureledger.projections.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.disclosureledger.projections.eventstore.EventStoreConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The event store and the stream without the integrity sequencer: an event gets a ledger index only from the test. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({EventStoreConfiguration.class, StreamConfiguration.class})
class UnsequencedTestApplication {

    @Bean
    Clock clock() {
        return Clock.fixed(Instant.parse("2025-07-01T12:00:00Z"), ZoneOffset.UTC);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
