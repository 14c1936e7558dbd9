package org.disclosureledger.projections.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.projections.eventstore.LedgerEventTypes;

/**
 * Reads stored disclosure events as JSON through the event store's upcasters, as the event store itself reads them,
 * but not into their classes: the messages copy named fields from the JSON ({@link StreamData}). Only the current
 * revision of each event is read, the shape the event serializer writes today; an older one without an upcaster to it
 * fails the batch rather than reach the stream in a shape nobody checked.
 */
final class StoredEvents {

    private static final LedgerEventTypes TYPES = LedgerEventTypes.standard();

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
     *                               or an event is of a type that has no message or not of its current revision
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
            StreamKind kind = StoredDisclosureEvent.kindOf(event.getType().getName());
            String revision = TYPES.revisionOf(event.getType().getName());
            if (!revision.equals(event.getType().getRevision())) {
                // Its JSON is not the shape the serializer writes today: copying fields from it could send what the
                // current shape does not have. An upcaster to the current revision is missing.
                throw new IllegalStateException("stored event " + event.getMessageIdentifier() + " is revision "
                        + event.getType().getRevision() + " of "
                        + event.getType().getName() + ", and no upcaster made it"
                        + " revision " + revision);
            }
            events.add(new StoredDisclosureEvent(
                    event.getMessageIdentifier(),
                    event.getSequenceNumber()
                            .orElseThrow(() -> new IllegalStateException(
                                    "stored event " + event.getMessageIdentifier() + " has no sequence number")),
                    event.getTimestamp(),
                    kind,
                    payloadOf(event)));
        }
        return events;
    }

    /** The event's JSON as stored, or as the upcasters left it; not read into a tree. */
    private static StoredPayload payloadOf(IntermediateEventRepresentation event) {
        try {
            return StoredPayload.of(event.getData(byte[].class).getData());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored event " + event.getMessageIdentifier() + ": " + e.getMessage(), e);
        }
    }
}
