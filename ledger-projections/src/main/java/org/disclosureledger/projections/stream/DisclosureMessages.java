package org.disclosureledger.projections.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.projections.eventstore.LedgerSerializer;

/**
 * Turns the ledger's stored events and signed checkpoints into the watchdog stream's CloudEvents, exactly as
 * {@code docs/stream.md} describes them, and writes them in structured JSON mode. Knows nothing of Kafka or the
 * database: what it needs (the ledger position, the disclosure's filter attributes) is handed to it.
 */
final class DisclosureMessages {

    /** The {@code datacontenttype} of a disclosure message's data. */
    static final String JSON = "application/json";

    /** The {@code datacontenttype} of a checkpoint message's data, the signed note. */
    static final String SIGNED_NOTE = "text/plain; charset=utf-8";

    /** The kinds of event that set their disclosure's filter attributes: its first event, and a correction. */
    static final Set<StreamKind> SETS_FILTER =
            Collections.unmodifiableSet(EnumSet.of(StreamKind.RECORDED, StreamKind.BULK_OPENED, StreamKind.CORRECTED));

    /** The names those events are stored under. */
    static final List<String> SETS_FILTER_STORED_AS = SETS_FILTER.stream()
            .map(kind -> kind.storedEventName().orElseThrow())
            .toList();

    // Non-JSON data (a checkpoint's signed note) is written as a JSON string, as docs/stream.md promises, not base64.
    private static final EventFormat FORMAT = new JsonFormat().withForceNonJsonDataToString();

    // Most single disclosures' messages fit; a larger one grows the buffer.
    private static final int MESSAGE_BUFFER = 2048;

    private final String source;
    private final ObjectMapper json = LedgerSerializer.objectMapper(List.of());

    /** @param origin the ledger's origin ({@code ledger.checkpoint.origin}), every message's {@code source} */
    DisclosureMessages(String origin) {
        this.source = URI.create(origin).toString();
    }

    /** The disclosure a stored event belongs to; for a recorded read, the access id. */
    static String disclosureIdOf(StoredDisclosureEvent event) {
        String field = event.kind().isAccess() ? "accessId" : "disclosureId";
        return event.payload()
                .text(field)
                .orElseThrow(() -> new IllegalStateException("stored event " + event.eventIdentifier() + " ("
                        + event.kind().kind() + ") has no field " + field));
    }

    /**
     * The filter attributes an event sets for its disclosure: the first event's details, or a correction's corrected
     * details; empty for the follow-ons that leave them as they were, and for recorded reads.
     */
    static Optional<DisclosureFilter> filterSetBy(StoredDisclosureEvent event) {
        if (!SETS_FILTER.contains(event.kind())) {
            return Optional.empty();
        }
        String details = event.kind() == StreamKind.CORRECTED ? "corrected" : "details";
        return Optional.of(event.payload()
                .read(
                        details,
                        parser ->
                                parser.currentToken() == JsonToken.START_OBJECT ? DisclosureFilter.read(parser) : null)
                .orElseThrow(() -> new IllegalStateException("stored event " + event.eventIdentifier() + " ("
                        + event.kind().kind() + ") has no field " + details)));
    }

    /**
     * The message announcing a recorded read at its place in the ledger, in structured JSON mode: like a disclosure
     * event's, keyed and subjected by the access id, without the filter attributes (a read is of no custodian,
     * recipient or purpose).
     */
    byte[] accessEvent(StoredDisclosureEvent event, LedgerPosition position) {
        return message(event, position, null);
    }

    /** The message announcing a stored disclosure event at its place in the ledger, in structured JSON mode. */
    byte[] disclosureEvent(StoredDisclosureEvent event, LedgerPosition position, DisclosureFilter filter) {
        return message(event, position, Objects.requireNonNull(filter, "a disclosure event's filter"));
    }

    /**
     * Writes the CloudEvent itself rather than through the SDK's builder and format: the data is copied from the
     * stored JSON field by field ({@link StreamData}), never read into the event's classes nor into a tree and written
     * again, which was most of the relay's work. The attributes are those of a CloudEvents 1.0 JSON event; the tests
     * read every kind back with the SDK.
     */
    private byte[] message(StoredDisclosureEvent event, LedgerPosition position, DisclosureFilter filter) {
        StreamKind kind = event.kind();
        ByteArrayBuilder bytes = new ByteArrayBuilder(MESSAGE_BUFFER);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("specversion", "1.0");
            out.writeStringField("id", event.eventIdentifier());
            out.writeStringField("source", source);
            out.writeStringField("type", kind.type());
            out.writeStringField("datacontenttype", JSON);
            out.writeStringField("dataschema", kind.dataSchema());
            out.writeStringField("subject", disclosureIdOf(event));
            out.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(event.storedAt()));
            writeInteger(out, StreamAttributes.LEDGER_INDEX, position.ledgerIndex());
            out.writeStringField(StreamAttributes.LEAF_HASH, HexFormat.of().formatHex(position.leafHash()));
            writeInteger(out, StreamAttributes.DISCLOSURE_SEQUENCE, event.sequenceNumber());
            if (filter != null) {
                out.writeStringField(StreamAttributes.CUSTODIAN_STATE, filter.custodianState());
                out.writeStringField(StreamAttributes.RECIPIENT_AGENCY, filter.recipientAgency());
                out.writeStringField(StreamAttributes.PURPOSE, filter.purpose());
                out.writeStringField(StreamAttributes.DATA_CATEGORIES, filter.dataCategories());
            }
            out.writeFieldName("data");
            StreamData.write(event, out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the message of event " + event.eventIdentifier(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * An integer attribute as CloudEvents types it: a JSON number within its 32-bit range. Beyond it, the decimal
     * string (what a value of the ledger's 64-bit indexes then becomes), as the SDK writes a {@code Long}.
     */
    private static void writeInteger(JsonGenerator out, String name, long value) throws IOException {
        if (value == (int) value) {
            out.writeNumberField(name, (int) value);
        } else {
            out.writeStringField(name, Long.toString(value));
        }
    }

    /** The message announcing a signed checkpoint: its signed note, as served by the API. */
    CloudEvent checkpoint(long treeSize, String signedNote, Instant signedAt) {
        return CloudEventBuilder.v1()
                .withId("checkpoint-" + treeSize)
                .withSource(URI.create(source))
                .withType(StreamKind.CHECKPOINT.type())
                .withSubject(Long.toString(treeSize))
                .withTime(signedAt.atOffset(ZoneOffset.UTC))
                .withDataContentType(SIGNED_NOTE)
                .withExtension(StreamAttributes.TREE_SIZE, integer(treeSize))
                .withData(signedNote.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * An integer attribute as CloudEvents types it: an Integer (a JSON number) within its 32-bit range. Beyond it the
     * SDK writes the decimal string, which is what a value of the ledger's 64-bit indexes then becomes.
     */
    private static Number integer(long value) {
        if (value == (int) value) {
            return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
    }

    /** A message in structured JSON mode: the whole CloudEvent as one JSON document. */
    static byte[] structured(CloudEvent event) {
        return FORMAT.serialize(event);
    }
}
