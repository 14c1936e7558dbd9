package org.disclosureledger.projections.stream;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosureledger.core.stream.StreamKind;

/**
 * A stored disclosure event as the publisher receives it from the relay: its JSON as the event serializer wrote it,
 * after the upcasters, not read into its class nor into a tree (the messages take named fields from it,
 * {@link StreamData}).
 *
 * @param eventIdentifier the event's identifier in the event store, which becomes the message id
 * @param sequenceNumber  the event's position within its disclosure, from 0
 * @param storedAt        when the ledger stored it
 * @param kind            the kind of message it becomes, from its stored type
 * @param payload         the event's stored JSON, person references included: never sent as it is
 */
record StoredDisclosureEvent(
        String eventIdentifier, long sequenceNumber, Instant storedAt, StreamKind kind, StoredPayload payload) {

    private static final Map<String, StreamKind> KINDS = Arrays.stream(StreamKind.values())
            .filter(kind -> kind.storedEventName().isPresent())
            .collect(Collectors.toUnmodifiableMap(kind -> kind.storedEventName().orElseThrow(), kind -> kind));

    /** The kind of message an event stored under this name becomes; fails for anything else. */
    static StreamKind kindOf(String storedEventName) {
        StreamKind kind = KINDS.get(storedEventName);
        if (kind == null) {
            throw new IllegalStateException(
                    "no watchdog stream message is defined for events stored as " + storedEventName);
        }
        return kind;
    }
}
