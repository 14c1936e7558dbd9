package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A bad event store setting stops the start with the property to fix. */
class EventStoreConfigurationTest {

    @Test
    void givenReadBatchBelowOne_whenConfigured_thenRefusedWithThePropertyToFix() {
        assertThatThrownBy(
                        () -> new EventStoreConfiguration().eventStorageEngine(null, null, null, null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.event-store.batch-size must be at least 1, not 0");
    }
}
