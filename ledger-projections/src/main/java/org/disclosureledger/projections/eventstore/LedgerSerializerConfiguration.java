package org.disclosureledger.projections.eventstore;

import java.util.List;
import org.axonframework.serialization.Serializer;
import org.disclosureledger.core.disclosure.Disclosure;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Gives Axon the {@link LedgerSerializer} in all three of its serializer roles: events, messages, and everything
 * else (snapshots, tracking tokens, dead letters). The beans carry the names and qualifiers Axon's
 * {@code AxonAutoConfiguration} looks for, so its own XStream-based defaults stand down.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerSerializerConfiguration {

    /** The aggregates whose snapshots the serializer writes. */
    static final List<Class<?>> AGGREGATES = List.of(Disclosure.class);

    /** The general serializer: snapshots, tokens, sagas and dead letters. */
    @Bean
    @Primary
    public LedgerSerializer serializer() {
        return LedgerSerializer.create(LedgerEventTypes.standard(), AGGREGATES);
    }

    /** The serializer for messages; the same instance, so a message's payload reads the same everywhere. */
    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(LedgerSerializer serializer) {
        return serializer;
    }

    /** The serializer for events in the event store: stable type names, JSON payloads. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(LedgerSerializer serializer) {
        return serializer;
    }
}
