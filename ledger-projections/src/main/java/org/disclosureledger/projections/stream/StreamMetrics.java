package org.disclosureledger.projections.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.disclosureledger.projections.eventstore.ProcessorLag;

/**
 * The stream's meters. Tags name only the topic's role ({@code disclosures} or {@code checkpoints}), never a
 * disclosure, a person or an agency.
 *
 * <ul>
 *     <li>{@code ledger.stream.published}: messages the broker acknowledged (a message redelivered after a failure
 *         counts again);</li>
 *     <li>{@code ledger.stream.publish.failures}: attempts to publish a batch that failed and will be retried;</li>
 *     <li>{@code ledger.stream.lag}: events stored but not yet published, see {@link #LAG}.</li>
 * </ul>
 */
final class StreamMetrics {

    static final String PUBLISHED = "ledger.stream.published";
    static final String FAILURES = "ledger.stream.publish.failures";

    /**
     * Stored events not yet on the stream: those the integrity sequencer has not yet put in the ledger (its
     * {@link org.disclosureledger.projections.eventstore.ProcessorLag}) and the ledger's entries the relay has not yet
     * published. Also served as {@code ledger.processor.lag} tagged {@code processor=watchdog-stream}, the name of the
     * event processor that published the stream before the relay, for the dashboards that read it there.
     */
    static final String LAG = "ledger.stream.lag";

    static final String DISCLOSURES = "disclosures";
    static final String CHECKPOINTS = "checkpoints";

    private final Counter publishedDisclosures;
    private final Counter publishedCheckpoints;
    private final Counter disclosureFailures;
    private final Counter checkpointFailures;

    StreamMetrics(MeterRegistry registry) {
        publishedDisclosures = counter(registry, PUBLISHED, DISCLOSURES, "Messages the broker acknowledged");
        publishedCheckpoints = counter(registry, PUBLISHED, CHECKPOINTS, "Messages the broker acknowledged");
        disclosureFailures = counter(registry, FAILURES, DISCLOSURES, "Publications that failed and will be retried");
        checkpointFailures = counter(registry, FAILURES, CHECKPOINTS, "Publications that failed and will be retried");
    }

    /** Registers the lag gauges, computed when read. */
    static void registerLag(MeterRegistry registry, String publisherName, Supplier<Number> lag) {
        Gauge.builder(LAG, lag)
                .description("Events stored but not yet published to the disclosures topic (an upper bound)")
                .baseUnit("events")
                .register(registry);
        Gauge.builder(ProcessorLag.METRIC, lag)
                .tag("processor", publisherName)
                .description(ProcessorLag.DESCRIPTION)
                .baseUnit("events")
                .register(registry);
    }

    void disclosuresPublished(int count) {
        publishedDisclosures.increment(count);
    }

    void checkpointsPublished(int count) {
        publishedCheckpoints.increment(count);
    }

    void disclosureFailure() {
        disclosureFailures.increment();
    }

    void checkpointFailure() {
        checkpointFailures.increment();
    }

    private static Counter counter(MeterRegistry registry, String name, String topic, String description) {
        return Counter.builder(name)
                .tag("topic", topic)
                .description(description)
                .register(registry);
    }
}
