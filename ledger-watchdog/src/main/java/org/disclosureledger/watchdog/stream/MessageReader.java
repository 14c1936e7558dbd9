package org.disclosureledger.watchdog.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;

/**
 * Turns the value of a record from one of the stream's topics into a {@link StreamMessage}, strictly: a message that
 * is not a CloudEvent in structured JSON mode, is of a type its topic does not carry, comes from another ledger, or
 * lacks an attribute the contract requires is {@link UnreadableMessage unreadable}, with the reason.
 */
public final class MessageReader {

    private static final Pattern LEAF_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    // The longest values a message may carry, which the watchdog's store keeps (WatchdogStore's columns): the ledger's
    // own are far shorter (an event id is a UUID, a disclosure id at most 100 characters, a state two letters).
    private static final int LONGEST_ID = 400;
    private static final int LONGEST_SUBJECT = 200;
    private static final int LONGEST_STATE = 20;
    private static final int LONGEST_AGENCY = 100;
    private static final int LONGEST_PURPOSE = 40;
    private static final int LONGEST_CATEGORIES = 1000;
    private static final int LONGEST_NOTE = 100_000;

    private final String origin;
    private final JsonFormat format = new JsonFormat();

    /** @param origin the followed ledger's origin: every message's {@code source} */
    public MessageReader(String origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** A message from the disclosures topic. */
    public DisclosureMessage disclosure(byte[] value) throws UnreadableMessage {
        CloudEvent event = cloudEvent(value);
        StreamKind kind = StreamKind.ofType(event.getType())
                .filter(StreamKind::isDisclosureEvent)
                .orElseThrow(() ->
                        new UnreadableMessage("type '" + shorten(event.getType()) + "' is not a disclosure event"));
        String disclosureId = bounded(required(event.getSubject(), "subject"), "subject", LONGEST_SUBJECT);
        long index = integer(event, StreamAttributes.LEDGER_INDEX);
        String leafHash = text(event, StreamAttributes.LEAF_HASH);
        if (!LEAF_HASH.matcher(leafHash).matches()) {
            throw new UnreadableMessage("leafhash is not 64 lower-case hex digits: '" + shorten(leafHash) + "'");
        }
        long seq = integer(event, StreamAttributes.DISCLOSURE_SEQUENCE);
        if (kind.isAccess()) {
            return access(event, kind, disclosureId, index, leafHash, seq);
        }
        String state = bounded(text(event, StreamAttributes.CUSTODIAN_STATE), "custodianstate", LONGEST_STATE);
        String recipient = bounded(text(event, StreamAttributes.RECIPIENT_AGENCY), "recipientagency", LONGEST_AGENCY);
        String purpose = bounded(text(event, StreamAttributes.PURPOSE), "purpose", LONGEST_PURPOSE);
        List<String> categories = Arrays.stream(
                        bounded(text(event, StreamAttributes.DATA_CATEGORIES), "datacategories", LONGEST_CATEGORIES)
                                .split(","))
                .filter(c -> !c.isEmpty())
                .toList();
        JsonNode data = jsonData(event);
        if (!disclosureId.equals(data.path("disclosureId").asText(null))) {
            throw new UnreadableMessage("data.disclosureId is not the subject '" + shorten(disclosureId) + "'");
        }
        OptionalLong subjects = OptionalLong.empty();
        String detail = "";
        switch (kind) {
            case RECORDED -> subjects = OptionalLong.of(count(data, "subjectCount"));
            case BULK_SUBJECTS_ATTACHED -> {
                subjects = OptionalLong.of(count(data, "subjectCount"));
                detail = "chunk " + count(data, "chunkNumber");
            }
            case BULK_SEALED -> {
                subjects = OptionalLong.of(count(data, "subjectCount"));
                detail = count(data, "chunkCount") + " chunks";
            }
            case CORRECTED -> detail = "fields " + join(data.path("fields"));
            case DESTRUCTION_REQUESTED -> detail = "due " + data.path("dueBy").asText("?");
            case DESTRUCTION_CERTIFIED ->
                detail = "destroyed " + data.path("destroyedAt").asText("?");
            case FLAGGED -> detail = "findings " + join(data.path("findings").findValues("ruleId"));
            default -> {}
        }
        return new DisclosureMessage(
                event.getId(),
                kind,
                disclosureId,
                time(event),
                index,
                Sha256Hash.fromHex(leafHash),
                seq,
                state,
                recipient,
                purpose,
                categories,
                subjects,
                detail);
    }

    /**
     * A recorded read of a person's records: no filter attributes; its detail says who read, in which role, what and
     * why (the reader's own words, quoted, control characters replaced when printed).
     */
    private DisclosureMessage access(
            CloudEvent event, StreamKind kind, String accessId, long index, String leafHash, long seq)
            throws UnreadableMessage {
        JsonNode data = jsonData(event);
        if (!accessId.equals(data.path("accessId").asText(null))) {
            throw new UnreadableMessage("data.accessId is not the subject '" + shorten(accessId) + "'");
        }
        String detail = data.path("role").asText("?") + " "
                + data.path("readerSubject").asText("?") + " read "
                + data.path("record").asText("?") + " \"" + data.path("purpose").asText("") + "\"";
        return new DisclosureMessage(
                event.getId(),
                kind,
                accessId,
                time(event),
                index,
                Sha256Hash.fromHex(leafHash),
                seq,
                "",
                "",
                "",
                List.of(),
                OptionalLong.empty(),
                detail);
    }

    /** A message from the checkpoints topic. */
    public CheckpointMessage checkpoint(byte[] value) throws UnreadableMessage {
        CloudEvent event = cloudEvent(value);
        if (!StreamKind.CHECKPOINT.type().equals(event.getType())) {
            throw new UnreadableMessage("type '" + shorten(event.getType()) + "' is not a checkpoint");
        }
        long treeSize = integer(event, StreamAttributes.TREE_SIZE);
        CloudEventData data = event.getData();
        if (data == null) {
            throw new UnreadableMessage("the checkpoint message has no data (the signed note)");
        }
        String note;
        if (data instanceof JsonCloudEventData json) {
            if (!json.getNode().isTextual()) {
                throw new UnreadableMessage("the checkpoint's data is not a JSON string holding the signed note");
            }
            note = json.getNode().asText();
        } else {
            note = new String(data.toBytes(), StandardCharsets.UTF_8);
        }
        return new CheckpointMessage(event.getId(), treeSize, bounded(note, "the signed note", LONGEST_NOTE));
    }

    /** A message from the alerts topic. */
    public FindingMessage finding(byte[] value) throws UnreadableMessage {
        CloudEvent event = cloudEvent(value);
        Object state = event.getExtension(StreamAttributes.CUSTODIAN_STATE);
        return new FindingMessage(
                event.getId(),
                bounded(event.getType(), "type", LONGEST_ID),
                event.getSubject() == null ? "" : bounded(event.getSubject(), "subject", LONGEST_ID),
                time(event),
                Optional.ofNullable(state).map(Object::toString),
                new String(value, StandardCharsets.UTF_8));
    }

    private CloudEvent cloudEvent(byte[] value) throws UnreadableMessage {
        if (value == null || value.length == 0) {
            throw new UnreadableMessage("the record has no value");
        }
        CloudEvent event;
        try {
            event = format.deserialize(value);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableMessage("not a CloudEvent in structured JSON mode: " + firstLine(e));
        }
        if (event.getId() == null || event.getId().isBlank()) {
            throw new UnreadableMessage("the CloudEvent has no id");
        }
        bounded(event.getId(), "id", LONGEST_ID);
        String source = event.getSource() == null ? "" : event.getSource().toString();
        if (!origin.equals(source)) {
            throw new UnreadableMessage(
                    "source '" + shorten(source) + "' is not the followed ledger's origin '" + origin + "'");
        }
        return event;
    }

    private static JsonNode jsonData(CloudEvent event) throws UnreadableMessage {
        CloudEventData data = event.getData();
        if (data == null) {
            throw new UnreadableMessage("the event has no data");
        }
        JsonNode node;
        if (data instanceof JsonCloudEventData json) {
            node = json.getNode();
        } else {
            try {
                node = JSON.readTree(data.toBytes());
            } catch (IOException e) {
                throw new UnreadableMessage("the event's data is not JSON: " + firstLine(e));
            }
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableMessage("the event's data is not a JSON object");
        }
        return node;
    }

    private static long integer(CloudEvent event, String name) throws UnreadableMessage {
        Object value = event.getExtension(name);
        if (value == null) {
            throw new UnreadableMessage("the " + name + " attribute is missing");
        }
        long number;
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
            number = n.longValue();
        } else {
            try {
                number = Long.parseLong(value.toString());
            } catch (NumberFormatException e) {
                throw new UnreadableMessage(name + " is not an integer: '" + shorten(value.toString()) + "'");
            }
        }
        if (number < 0) {
            throw new UnreadableMessage(name + " is negative: " + number);
        }
        return number;
    }

    private static String text(CloudEvent event, String name) throws UnreadableMessage {
        Object value = event.getExtension(name);
        if (value == null || value.toString().isBlank()) {
            throw new UnreadableMessage("the " + name + " attribute is missing");
        }
        return value.toString();
    }

    private static String required(String value, String name) throws UnreadableMessage {
        if (value == null || value.isBlank()) {
            throw new UnreadableMessage("the " + name + " attribute is missing");
        }
        return value;
    }

    private static long count(JsonNode data, String field) throws UnreadableMessage {
        JsonNode node = data.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw new UnreadableMessage("data." + field + " is not a non-negative integer");
        }
        return node.asLong();
    }

    private static String join(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            return "?";
        }
        List<JsonNode> values = new java.util.ArrayList<>();
        array.forEach(values::add);
        return join(values);
    }

    private static String join(List<JsonNode> values) {
        if (values.isEmpty()) {
            return "?";
        }
        StringBuilder joined = new StringBuilder();
        values.forEach(f -> joined.append(joined.isEmpty() ? "" : ",").append(f.asText()));
        return joined.toString();
    }

    private static String time(CloudEvent event) {
        return event.getTime() == null
                ? "-"
                : event.getTime().toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            message = message + ": " + cause.getMessage();
        }
        return shorten(message.lines().findFirst().orElse(""));
    }

    /**
     * The value, unless it is longer than any the ledger writes there (and than the watchdog's store keeps): such a
     * message is set aside as unreadable rather than stop the watchdog at the store.
     */
    private static String bounded(String value, String name, int longest) throws UnreadableMessage {
        if (value.length() > longest) {
            throw new UnreadableMessage(name + " is " + value.length() + " characters long, longer than any the"
                    + " ledger writes (at most " + longest + "): '" + shorten(value) + "'");
        }
        return value;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
    }
}
