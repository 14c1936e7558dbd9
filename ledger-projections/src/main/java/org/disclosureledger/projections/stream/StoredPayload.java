package org.disclosureledger.projections.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /**
     * Where a field's value lies in the JSON: from {@code start} (inclusive) to {@code end} (exclusive); and, if it is
     * a string, the string (read anyway to find where it ends).
     */
    private record Value(int start, int end, String text) {}

    private StoredPayload(byte[] json, Map<String, Value> values) {
        this.json = json;
        this.values = values;
    }

    /**
     * Finds where each field's value lies in a stored JSON object. A field stored twice is read as its last value, as
     * a tree would read it.
     *
     * @throws IllegalArgumentException if the bytes are not one JSON object in UTF-8, as the event serializer writes
     *                                  it (the message names no value)
     */
    static StoredPayload of(byte[] json) {
        Map<String, Value> values = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a stored event's JSON is not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                int start = (int) parser.currentTokenLocation().getByteOffset();
                // Steps over an object or a list; reads a string to its end.
                String text = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                if (start < 0 || end <= start) {
                    // Jackson reads UTF-16 and UTF-32 too, but then counts characters, not bytes.
                    throw new IllegalArgumentException("a stored event's JSON is not UTF-8");
                }
                values.put(name, new Value(start, end, text));
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

    /** Whether the object has this field (with any value, {@code null} too). */
    boolean has(String field) {
        return values.containsKey(field);
    }

    /** The field's value if it is a string; empty if the field is missing or holds anything else. */
    Optional<String> text(String field) {
        Value value = values.get(field);
        return value == null ? Optional.empty() : Optional.ofNullable(value.text());
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

    /** How a value is read from a parser that stands on its first token; null for a value that is not there. */
    interface Reading<T> {
        T from(JsonParser parser) throws IOException;
    }

    /** The field's value as the reading makes it; empty if the field is missing or the reading makes nothing. */
    <T> Optional<T> read(String field, Reading<T> reading) {
        Value value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(json, value.start(), value.end() - value.start())) {
            parser.nextToken();
            return Optional.ofNullable(reading.from(parser));
        } catch (IOException e) {
            // As in of(byte[]): Jackson's message may quote the stored bytes, so it is not carried on.
            throw new IllegalStateException("a stored event's field " + field + " could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The whole object read into a tree, for tests. */
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
        out.writeRawValue(new RawValue(json, value.start(), value.end()));
        return true;
    }

    /**
     * A value's stored bytes, handed to the generator as they are: Jackson's byte generator copies them into its buffer
     * without making a {@code String} of them and encoding it again (measured alone, making a disclosure's message that
     * way cost about a fifth more). The quoted forms, which a generator asks for only to write a string, quote the
     * value's text as any string is quoted.
     */
    private static final class RawValue implements SerializableString {

        private final byte[] json;
        private final int start;
        private final int end;

        RawValue(byte[] json, int start, int end) {
            this.json = json;
            this.start = start;
            this.end = end;
        }

        @Override
        public String getValue() {
            return new String(json, start, end - start, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return Arrays.copyOfRange(json, start, end);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            int length = end - start;
            if (offset + length > buffer.length) {
                return -1;
            }
            System.arraycopy(json, start, buffer, offset, length);
            return length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(json, start, end - start);
            return end - start;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < end - start) {
                return -1;
            }
            buffer.put(json, start, end - start);
            return end - start;
        }

        @Override
        public char[] asQuotedChars() {
            return quoted().asQuotedChars();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return quoted().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return quoted().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return quoted().appendQuoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return quoted().writeQuotedUTF8(out);
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return quoted().putQuotedUTF8(buffer);
        }

        private SerializedString quoted() {
            return new SerializedString(getValue());
        }
    }
}
