package org.disclosureledger.projections.integrity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Serves {@code ledger.checkpoint.unsigned}, the ledger entries no signed checkpoint covers yet, when meters are
 * collected. It stays below {@code ledger.checkpoint.every-entries} plus what arrives in
 * {@code ledger.checkpoint.every} while checkpoints are signed; it grows without end while the {@link Checkpointer}
 * refuses to sign (a replaced key, a rewritten tree) or cannot (the database away), which is what an operator alerts on.
 */
@Component
public class CheckpointMetrics {

    /** The meter's name. */
    public static final String UNSIGNED = "ledger.checkpoint.unsigned";

    CheckpointMetrics(Checkpointer checkpointer, ObjectProvider<MeterRegistry> registry) {
        registry.ifAvailable(meters -> Gauge.builder(UNSIGNED, checkpointer::unsignedEntries)
                .description("Ledger entries no signed checkpoint covers yet")
                .baseUnit("entries")
                .register(meters));
    }
}
