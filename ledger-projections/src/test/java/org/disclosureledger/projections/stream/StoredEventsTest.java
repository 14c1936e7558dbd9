package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.disclosureledger.core.disclosure.Disclosure;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.projections.eventstore.LedgerEventTypes;
import org.disclosureledger.projections.eventstore.LedgerSerializer;
import org.junit.jupiter.api.Test;

/**
 * The relay reads stored events as JSON through the event store's upcasters, as the event store reads them: an event
 * stored in an older shape reaches the stream in the current one, and an upcaster that drops or adds events is refused.
 */
class StoredEventsTest {

    static final LedgerSerializer SERIALIZER =
            LedgerSerializer.create(LedgerEventTypes.standard(), List.of(Disclosure.class));
    static final String OLD_DISPUTE =
            "{\"disclosureId\":\"ca-dhcs-2025-06-0001\",\"disputeId\":\"dispute-1\",\"subject\":\"" + "5e".repeat(32)
                    + "\",\"statement\":\"Not me\",\"when\":\"2025-06-15T10:02:11Z\",\"requestDigest\":\"d\"}";

    /** Revision "0" of a dispute named its time {@code when}; the current revision names it {@code disputedAt}. */
    static final class RenamedDisputeTime extends SingleEventUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return event.getType().getName().equals("DisclosureDisputed")
                    && "0".equals(event.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            return event.upcastPayload(
                    new SimpleSerializedType(
                            "DisclosureDisputed", LedgerEventTypes.standard().revisionOf("DisclosureDisputed")),
                    JsonNode.class,
                    payload -> {
                        ObjectNode node = (ObjectNode) payload;
                        node.set("disputedAt", node.remove("when"));
                        return node;
                    });
        }
    }

    @Test
    void givenAnEventStoredInAnOlderShape_whenRead_thenItIsUpcastAndItsMessageHasTheCurrentFields() throws Exception {
        StoredEvents events = new StoredEvents(SERIALIZER, () -> new EventUpcasterChain(new RenamedDisputeTime()));

        List<StoredDisclosureEvent> read = events.read(List.of(stored("DisclosureDisputed", "0", OLD_DISPUTE)));

        assertThat(read).hasSize(1);
        StoredDisclosureEvent dispute = read.get(0);
        assertThat(dispute.kind()).isEqualTo(StreamKind.DISPUTED);
        assertThat(dispute.eventIdentifier()).isEqualTo("event-1");
        assertThat(dispute.sequenceNumber()).isEqualTo(3);
        assertThat(dispute.storedAt()).isEqualTo(Instant.parse("2025-06-15T10:02:11.400Z"));
        JsonNode data = new ObjectMapper()
                .readTree(new DisclosureMessages("test/log")
                        .disclosureEvent(dispute, new LedgerPosition(9, new byte[32]), DisclosureMessagesTest.FILTER))
                .get("data");
        assertThat(data.get("disputedAt").asText()).isEqualTo("2025-06-15T10:02:11Z");
        assertThat(StreamSchemas.problems(StreamKind.DISPUTED, data.toString())).isEmpty();
    }

    @Test
    void givenAnEventStoredInAnOlderShapeAndNoUpcaster_whenRead_thenRefusedNamingItsRevision() {
        StoredEvents events = new StoredEvents(SERIALIZER, EventUpcasterChain::new);

        assertThatThrownBy(() -> events.read(List.of(stored("DisclosureDisputed", "0", OLD_DISPUTE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored event event-1 is revision 0 of DisclosureDisputed, and no upcaster made it"
                        + " revision 1");
    }

    @Test
    void givenAnEventOfTheCurrentRevisionMissingANamedField_whenItsMessageIsMade_thenRefusedNamingTheField() {
        StoredEvents events = new StoredEvents(SERIALIZER, EventUpcasterChain::new);

        StoredDisclosureEvent dispute = events.read(List.of(stored("DisclosureDisputed", "1", OLD_DISPUTE)))
                .get(0);

        assertThatThrownBy(() -> new DisclosureMessages("test/log")
                        .disclosureEvent(dispute, new LedgerPosition(9, new byte[32]), DisclosureMessagesTest.FILTER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored event event-1 (disputed) has no field disputedAt");
    }

    @Test
    void givenAnUpcasterThatDropsAnEvent_whenRead_thenRefused() {
        EventUpcaster dropping = stream -> stream.filter(e -> false);
        StoredEvents events = new StoredEvents(SERIALIZER, () -> dropping);

        assertThatThrownBy(() -> events.read(List.of(stored("DisclosureDisputed", "0", OLD_DISPUTE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the upcasters made 0 event(s) of 1 stored, from event event-1");
    }

    @Test
    void givenAnUpcasterThatSplitsAnEvent_whenRead_thenRefused() {
        EventUpcaster splitting = stream -> stream.flatMap(e -> Stream.of(e, e));
        StoredEvents events = new StoredEvents(SERIALIZER, () -> splitting);

        assertThatThrownBy(() -> events.read(List.of(stored("DisclosureDisputed", "0", OLD_DISPUTE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the upcasters made 2 event(s) of 1 stored, from event event-1");
    }

    @Test
    void givenAnEventOfATypeWithoutAMessage_whenRead_thenRefusedNamingTheType() {
        StoredEvents events = new StoredEvents(SERIALIZER, EventUpcasterChain::new);

        assertThatThrownBy(() -> events.read(List.of(stored("org.example.Unrelated", null, "{}"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.example.Unrelated");
    }

    private static GenericDomainEventEntry<byte[]> stored(String type, String revision, String json) {
        return new GenericDomainEventEntry<>(
                "Disclosure",
                "ca-dhcs-2025-06-0001",
                3,
                "event-1",
                "2025-06-15T10:02:11.400Z",
                type,
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
