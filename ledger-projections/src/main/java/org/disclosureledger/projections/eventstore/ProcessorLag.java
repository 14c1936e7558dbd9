package org.disclosureledger.projections.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells an operator how far each event processor (a projection, the sequencer) is behind the event store, so that a
 * slow or stuck one shows: the gauge {@value #METRIC}, tagged {@code processor} with the processor's name, for every
 * streaming processor of the application (registered once the application is ready). It names no disclosure and no
 * person. (The stream relay serves its own lag under the same name.)
 *
 * <p>The figure is the store's head global index minus the lowest position in the processor's stored tokens (a
 * segment without a position counts as before the first event, and so does a processor without tokens), read from
 * PostgreSQL, so every node reports the same value. Global indexes may have gaps, so it may overstate; it leaves out
 * an event that committed late into a gap below a token's position, which the processor still has to handle. A
 * segment with nothing to do stores its position every few seconds, so an idle processor shows 0 after a moment.
 */
public final class ProcessorLag {

    /** The gauge: events stored that the processor has not yet handled, as the class comment counts them. */
    public static final String METRIC = "ledger.processor.lag";

    /** The gauge's description, the same for every processor tagged under it. */
    public static final String DESCRIPTION =
            "Events stored that the processor has not handled yet (gaps in global indexes may add some)";

    private final JdbcTemplate jdbc;

    public ProcessorLag(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events stored that the named processor has not handled yet, as the class comment counts them. */
    public long of(String processorName) {
        return jdbc.queryForObject("""
                        with head as (select coalesce(max(global_index), -1) as position from domain_event_entry),
                             segments as (
                                 select coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint,
                                                 (convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'index')::bigint,
                                                 -1) as position
                                 from token_entry where processor_name = ?)
                        select greatest(0, (select position from head)
                                           - coalesce((select min(position) from segments), -1))""", Long.class, processorName);
    }

    /** Registers the gauge for each streaming processor the application runs. */
    public void register(MeterRegistry registry, EventProcessingConfiguration processing) {
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .forEach(processor -> Gauge.builder(METRIC, () -> of(processor.getName()))
                        .tag("processor", processor.getName())
                        .description(DESCRIPTION)
                        .baseUnit("events")
                        .register(registry));
    }
}
