package org.disclosureledger.projections.stream;

import static org.disclosureledger.projections.stream.StreamData.Field.copied;
import static org.disclosureledger.projections.stream.StreamData.Field.countOf;
import static org.disclosureledger.projections.stream.StreamData.Field.within;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.disclosureledger.core.stream.StreamKind;

/**
 * The {@code data} of each kind of disclosure message, field for field as {@code docs/stream.md} lists them and as
 * the JSON Schemas in {@code schemas/stream} require, and where in the stored event (as the event serializer wrote
 * it, after the upcasters) each is taken from. Each kind's data is built by naming what may go out, never by removing
 * what may not: a field added to an event later stays off the stream until it is added here. A field copied goes out
 * byte for byte as the event serializer stored it (the objects copied whole too: a disclosure's details, a suspension,
 * a flag's findings), a field within one as read back into a tree and written again. Nothing here takes a person
 * reference, a dispute statement or a request digest; a list of subjects goes out as its length.
 */
final class StreamData {

    private static final Map<StreamKind, List<Field>> FIELDS = new EnumMap<>(StreamKind.class);

    static {
        FIELDS.put(
                StreamKind.RECORDED,
                List.of(
                        copied("disclosureId"),
                        copied("recordedAt"),
                        copied("details"),
                        countOf("subjectCount", "subjects"),
                        copied("suspension")));
        FIELDS.put(
                StreamKind.BULK_OPENED,
                List.of(copied("disclosureId"), copied("recordedAt"), copied("details"), copied("suspension")));
        FIELDS.put(
                StreamKind.BULK_SUBJECTS_ATTACHED,
                List.of(
                        copied("disclosureId"),
                        copied("chunkNumber"),
                        copied("firstManifestIndex"),
                        countOf("subjectCount", "subjects"),
                        copied("chunkDigest"),
                        copied("attachedAt")));
        FIELDS.put(
                StreamKind.BULK_SEALED,
                List.of(
                        copied("disclosureId"),
                        copied("subjectCount"),
                        copied("chunkCount"),
                        copied("manifestRoot"),
                        copied("sealedAt")));
        FIELDS.put(
                StreamKind.CORRECTED,
                List.of(
                        copied("disclosureId"),
                        copied("correctionId"),
                        copied("fields"),
                        copied("superseded"),
                        copied("corrected"),
                        copied("reason"),
                        copied("correctedAt")));
        // That a dispute was made, not by whom nor what it says.
        FIELDS.put(StreamKind.DISPUTED, List.of(copied("disclosureId"), copied("disputeId"), copied("disputedAt")));
        FIELDS.put(
                StreamKind.DESTRUCTION_REQUESTED,
                List.of(
                        copied("disclosureId"),
                        copied("requestId"),
                        copied("requestedBy"),
                        copied("authority"),
                        copied("dueBy"),
                        copied("requestedAt")));
        FIELDS.put(
                StreamKind.DESTRUCTION_CERTIFIED,
                List.of(
                        copied("disclosureId"),
                        copied("certificationId"),
                        copied("requestId"),
                        copied("certifiedBy"),
                        copied("destroyedAt"),
                        copied("method"),
                        copied("certifiedAt")));
        FIELDS.put(
                StreamKind.SUSPENSION_LIFTED,
                List.of(
                        copied("disclosureId"),
                        copied("liftId"),
                        copied("authority"),
                        copied("reason"),
                        copied("liftedAt")));
        // The rulebook's findings name rules, never a person.
        FIELDS.put(
                StreamKind.FLAGGED,
                List.of(
                        copied("disclosureId"),
                        copied("correctionId"),
                        copied("rulebookName"),
                        copied("rulebookVersion"),
                        copied("rulebookSha256"),
                        copied("judgedAt"),
                        copied("findings")));
        // Who read a person's records, how and why; never whose records they were.
        FIELDS.put(
                StreamKind.HISTORY_ACCESSED,
                List.of(
                        copied("accessId"),
                        within("readerSubject", "reader", "subject"),
                        within("role", "reader", "role"),
                        copied("record"),
                        copied("purpose"),
                        copied("accessedAt")));
    }

    private StreamData() {}

    /**
     * One field of a message's data.
     *
     * @param name    its name in the message
     * @param from    the path to it in the stored event, field by field
     * @param counted whether the message carries the length of the stored list rather than the value
     */
    record Field(String name, List<String> from, boolean counted) {

        /** The stored event's field of the same name, as stored. */
        static Field copied(String name) {
            return new Field(name, List.of(name), false);
        }

        /** A field inside one of the stored event's fields, as stored. */
        static Field within(String name, String... path) {
            return new Field(name, List.of(path), false);
        }

        /** The number of elements of one of the stored event's lists. */
        static Field countOf(String name, String list) {
            return new Field(name, List.of(list), true);
        }
    }

    /** The fields of a kind's data, in the order they are written. */
    static List<Field> fieldsOf(StreamKind kind) {
        List<Field> fields = FIELDS.get(kind);
        if (fields == null) {
            throw new IllegalArgumentException("no stored event becomes a message of kind " + kind.kind());
        }
        return fields;
    }

    /**
     * Writes the data of a stored event as a JSON object.
     *
     * @param event the stored event, its payload as the event serializer wrote it (after the upcasters)
     * @throws IllegalStateException if the stored event lacks one of the fields, or a counted one is not a list; the
     *                               message names the event and the field, never a value
     */
    static void write(StoredDisclosureEvent event, JsonGenerator out) throws IOException {
        StoredPayload payload = event.payload();
        out.writeStartObject();
        for (Field field : fieldsOf(event.kind())) {
            String stored = field.from().get(0);
            if (!payload.has(stored)) {
                throw noField(event, field);
            }
            out.writeFieldName(field.name());
            if (field.counted()) {
                int count = payload.count(stored)
                        .orElseThrow(() -> new IllegalStateException("stored event " + event.eventIdentifier() + " ("
                                + event.kind().kind() + "): " + stored + " is not a list"));
                out.writeNumber(count);
            } else if (field.from().size() == 1) {
                payload.copy(stored, out);
            } else {
                JsonNode value = payload.tree(stored).orElseThrow();
                for (String step : field.from().subList(1, field.from().size())) {
                    value = value.get(step);
                    if (value == null) {
                        throw noField(event, field);
                    }
                }
                out.writeTree(value);
            }
        }
        out.writeEndObject();
    }

    private static IllegalStateException noField(StoredDisclosureEvent event, Field field) {
        return new IllegalStateException("stored event " + event.eventIdentifier() + " ("
                + event.kind().kind() + ") has no field " + String.join(".", field.from()));
    }
}
