package org.disclosureledger.projections.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * Reads stored disclosure events as JSON through the event store's upcasters, as the event store itself reads them,
 * but not into their classes: the messages copy named fields from the JSON ({@link StreamData}).
 */
final class StoredEvents {

    private final Serializer serializer;
    private final Supplier<EventUpcaster> upcasters;

    /**
     * @param serializer the event store's event serializer
     * @param upcasters  the event store's upcaster chain, asked for on each read (it is built once Axon has started)
     */
    StoredEvents(Serializer serializer, Supplier<EventUpcaster> upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /**
     * The stored events, one for each row, in order.
     *
     * @throws IllegalStateException if the upcasters made more or fewer events than rows (an event dropped or split
     *                               would leave an entry off the stream, or add one that has no place in the ledger),
     *                               or an event is of a type that has no message
     */
    List<StoredDisclosureEvent> read(List<? extends DomainEventData<byte[]>> rows) {
        List<IntermediateEventRepresentation> upcast = upcasters
                .get()
                .upcast(rows.stream().map(row -> new InitialEventRepresentation(row, serializer)))
                .toList();
        if (upcast.size() != rows.size()) {
            throw new IllegalStateException("the upcasters made " + upcast.size() + " event(s) of " + rows.size()
                    + " stored, from event " + rows.get(0).getEventIdentifier());
        }
        List<StoredDisclosureEvent> events = new ArrayList<>(upcast.size());
        for (IntermediateEventRepresentation event : upcast) {
            events.add(new StoredDisclosureEvent(
                    event.getMessageIdentifier(),
                    event.getSequenceNumber()
                            .orElseThrow(() -> new IllegalStateException(
                                    "stored event " + event.getMessageIdentifier() + " has no sequence number")),
                    event.getTimestamp(),
                    StoredDisclosureEvent.kindOf(event.getType().getName()),
                    event.getData(JsonNode.class).getData()));
        }
        return events;
    }
}
