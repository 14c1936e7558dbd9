package org.disclosureledger.projections.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosureledger.projections.eventstore.LedgerSerializer;

/**
 * A stored event's JSON object, as the event serializer wrote it, read once for where each of its fields' values lies
 * rather than into a tree. The messages copy most values as they are stored, byte for byte ({@link #copy}), and read
 * only the few they look into ({@link #text}, {@link #tree}, {@link #count}); a bulk chunk's list of person references,
 * most of its bytes, is stepped over, never read into objects. Reading every event into a tree and writing its values
 * out again was most of the relay's work.
 */
final class StoredPayload {

    private static final ObjectMapper JSON = LedgerSerializer.objectMapper(List.of());
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final byte[] json;
    private final Map<String, Value> values;

    /** Where a field's value lies in the JSON: from {@code start} (inclusive) to {@code end} (exclusive). */
    private record Value(int start, int end) {}

    private StoredPayload(byte[] json, Map<String, Value> values) {
        this.json = json;
        this.values = values;
    }

    /**
     * Finds where each field's value lies in a stored JSON object. A field stored twice is read as its last value, as
     * a tree would read it.
     *
     * @throws IllegalArgumentException if the bytes are not one JSON object (the message names no value)
     */
    static StoredPayload of(byte[] json) {
        Map<String, Value> values = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a stored event's JSON is not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                int start = (int) parser.currentTokenLocation().getByteOffset();
                // Steps over an object or a list; reads a string to its end without making it a String.
                parser.skipChildren();
                parser.finishToken();
                values.put(name, new Value(start, (int) parser.currentLocation().getByteOffset()));
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("a stored event's JSON is not one object");
            }
        } catch (IOException e) {
            // Jackson's message may quote the stored bytes around the fault: not carried on.
            throw new IllegalArgumentException(
                    "a stored event's JSON could not be read (" + e.getClass().getSimpleName() + ")");
        }
        return new StoredPayload(json, values);
    }

    /** A stored JSON tree, as the event serializer writes it: for tests and for events an upcaster changed. */
    static StoredPayload of(JsonNode tree) {
        try {
            return of(JSON.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the object has this field (with any value, {@code null} too). */
    boolean has(String field) {
        return values.containsKey(field);
    }

    /** The field's value if it is a string; empty if the field is missing or holds anything else. */
    Optional<String> text(String field) {
        return read(field, parser -> parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null);
    }

    /** The number of elements of the field's list; empty if the field is missing or is not a list. */
    Optional<Integer> count(String field) {
        return read(field, parser -> {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                return null;
            }
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
                count++;
            }
            return count;
        });
    }

    /** The field's value read into a tree; empty if the field is missing. */
    Optional<JsonNode> tree(String field) {
        return read(field, parser -> JSON.readTree(parser));
    }

    /** The whole object read into a tree (for tests, and for events to be changed before they are stored again). */
    JsonNode tree() {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the field's value as it is stored, byte for byte, where the generator expects a value.
     *
     * @return false, writing nothing, if the field is missing
     */
    boolean copy(String field, JsonGenerator out) throws IOException {
        Value value = values.get(field);
        if (value == null) {
            return false;
        }
        out.writeRawValue(new String(json, value.start(), value.end() - value.start(), StandardCharsets.UTF_8));
        return true;
    }

    private interface Reading<T> {
        T from(JsonParser parser) throws IOException;
    }

    private <T> Optional<T> read(String field, Reading<T> reading) {
        Value value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(json, value.start(), value.end() - value.start())) {
            parser.nextToken();
            return Optional.ofNullable(reading.from(parser));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event's field " + field + " could not be read again", e);
        }
    }
}
