package org.disclosureledger.projections.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.disclosureledger.projections.eventstore.EventStoreConfiguration;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestTopics;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The event store and the stream without the integrity sequencer: an event gets a ledger index only from the test. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({EventStoreConfiguration.class, StreamConfiguration.class})
class UnsequencedTestApplication {

    /**
     * Registers a fresh database, the test class's topics on the shared broker, a checkpoint origin, two partitions
     * and a relay that looks again every 20 ms.
     */
    static TestTopics register(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
        TestTopics topics = SharedKafka.register(registry);
        registry.add("ledger.checkpoint.origin", () -> "test.disclosure-ledger/log");
        registry.add("ledger.stream.partitions", () -> "2");
        registry.add("ledger.stream.poll", () -> "20ms");
        return topics;
    }

    /**
     * Gives every stored event a ledger entry (with a zero leaf hash), in one statement so that the relay finds them
     * together, numbered in the order {@code orderBy} names; returns how many.
     */
    static int sequenceAll(JdbcTemplate jdbc, String orderBy) {
        return jdbc.update(
                "insert into ledger_entry (ledger_index, event_identifier, global_index, leaf_hash, sequenced_at)"
                        + " select row_number() over (order by " + orderBy + ") - 1, event_identifier, global_index,"
                        + " ?, now() from domain_event_entry",
                (Object) new byte[32]);
    }

    /** The relay's failed attempts on the disclosures topic so far ({@code ledger.stream.publish.failures}). */
    static double disclosureFailures(MeterRegistry meters) {
        return meters.get(StreamMetrics.FAILURES)
                .tag("topic", StreamMetrics.DISCLOSURES)
                .counter()
                .count();
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
