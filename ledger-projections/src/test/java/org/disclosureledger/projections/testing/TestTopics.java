package org.disclosureledger.projections.testing;

import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The watchdog stream's three topic names for one test (or one Spring context) on the {@link SharedKafka} broker,
 * unique in the test JVM so that tests never read each other's messages. The names follow the defaults of
 * {@code docs/stream.md} with a number appended, such as {@code disclosure-ledger.disclosures.7}.
 *
 * @param disclosures the disclosure events' topic ({@code ledger.stream.topics.disclosures})
 * @param checkpoints the signed checkpoints' topic ({@code ledger.stream.topics.checkpoints})
 * @param alerts      the alerts' topic ({@code ledger.stream.topics.alerts})
 */
public record TestTopics(String disclosures, String checkpoints, String alerts) {

    /** Points the application's {@code ledger.stream.topics.*} at these names. */
    public void registerIn(DynamicPropertyRegistry registry) {
        registry.add("ledger.stream.topics.disclosures", this::disclosures);
        registry.add("ledger.stream.topics.checkpoints", this::checkpoints);
        registry.add("ledger.stream.topics.alerts", this::alerts);
    }

    /** The same {@code ledger.stream.topics.*} properties, for a context started by hand. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "ledger.stream.topics.disclosures", disclosures,
                "ledger.stream.topics.checkpoints", checkpoints,
                "ledger.stream.topics.alerts", alerts);
    }
}
