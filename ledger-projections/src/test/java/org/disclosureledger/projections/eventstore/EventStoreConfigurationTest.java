package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** A bad event store setting stops the start with the property to fix; a good one reaches Axon. */
class EventStoreConfigurationTest {

    @Test
    void givenReadBatchBelowOne_whenConfigured_thenRefusedWithThePropertyToFix() {
        assertThatThrownBy(
                        () -> new EventStoreConfiguration().eventStorageEngine(null, null, null, null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.event-store.batch-size must be at least 1, not 0");
    }

    @Test
    void givenSharedCacheBelowOne_whenConfigured_thenRefusedWithThePropertyToFix() {
        assertThatThrownBy(() -> new EventStoreConfiguration().eventStore(null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.event-store.cached-events must be at least 1, not 0");
    }

    /**
     * Axon keeps the number in a private field of the store's event producer and offers no way to read it back; the
     * field is read here so that the test fails if the setting stops reaching Axon (its default is 10,000).
     */
    @Test
    void givenSharedCacheSize_whenConfigured_thenAxonsProducerKeepsThatManyEvents() throws Exception {
        EmbeddedEventStore store = new EventStoreConfiguration()
                .eventStore(
                        new InMemoryEventStorageEngine(),
                        DefaultConfigurer.defaultConfiguration().buildConfiguration(),
                        3);
        try {
            assertThat(field(field(store, EmbeddedEventStore.class, "producer"), null, "cachedEvents"))
                    .isEqualTo(3);
        } finally {
            store.shutDown();
        }
    }

    private static Object field(Object owner, Class<?> declaring, String name) throws ReflectiveOperationException {
        Field field = (declaring == null ? owner.getClass() : declaring).getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
