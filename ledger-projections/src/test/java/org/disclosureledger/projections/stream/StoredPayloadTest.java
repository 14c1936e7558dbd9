package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.disclosureledger.projections.eventstore.LedgerSerializer;
import org.junit.jupiter.api.Test;

class StoredPayloadTest {

    private static final ObjectMapper JSON = LedgerSerializer.objectMapper(List.of());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void givenValuesOfEveryKind_whenCopied_thenEachIsWrittenAsStoredAndReadsBackTheSame() throws Exception {
        String stored = """
                {"text":"plain","escaped":"quote \\" backslash \\\\ newline \\n tab \\t \\u0001","unicode":"Zoë 日本 🙂",
                 "int":42,"negative":-7,"decimal":3.25,"exponent":1.5E-7,"big":123456789012345678901234567890,
                 "yes":true,"no":false,"nothing":null,"empty":{},"none":[],
                 "nested":{"a":[1,{"b":"c"},[]],"d":{"e":null}},"list":["x","y",3,{"z":[true]}]}""";
        StoredPayload payload = StoredPayload.of(stored.getBytes(StandardCharsets.UTF_8));
        JsonNode tree = JSON.readTree(stored);

        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String copied = copied(payload, name);
            assertThat(JSON.readTree(copied)).as(name).isEqualTo(tree.get(name));
            assertThat(stored).as(name).contains("\"" + name + "\":" + copied);
        }
    }

    @Test
    void givenRandomObjectsAsTheSerializerWritesThem_whenEachFieldIsCopied_thenItEqualsTheTreesValue()
            throws Exception {
        Random random = new Random(20261207);
        for (int i = 0; i < 500; i++) {
            ObjectNode written = randomObject(random, 3);
            byte[] stored = JSON.writeValueAsBytes(written);
            StoredPayload payload = StoredPayload.of(stored);
            JsonNode object = JSON.readTree(stored);
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = object.get(name);
                // Byte for byte what the serializer writes for the value (as bytes, as the event store has them:
                // written as a String it would not escape a character outside the BMP), and read back as a tree.
                assertThat(copied(payload, name))
                        .isEqualTo(new String(JSON.writeValueAsBytes(written.get(name)), StandardCharsets.UTF_8));
                assertThat(payload.tree(name)).contains(value);
                assertThat(payload.text(name))
                        .isEqualTo(value.isTextual() ? Optional.of(value.asText()) : Optional.empty());
                assertThat(payload.count(name))
                        .isEqualTo(value.isArray() ? Optional.of(value.size()) : Optional.empty());
            }
        }
    }

    @Test
    void givenAValueLargerThanTheGeneratorsBuffer_whenCopied_thenWrittenWhole() throws Exception {
        String large = "x".repeat(20_000);
        String list = JSON.writeValueAsString(Collections.nCopies(3_000, "person-ref"));
        StoredPayload payload = StoredPayload.of(
                ("{\"large\":\"" + large + "\",\"list\":" + list + "}").getBytes(StandardCharsets.UTF_8));

        assertThat(copied(payload, "large")).isEqualTo("\"" + large + "\"");
        assertThat(copied(payload, "list")).isEqualTo(list);
        assertThat(payload.count("list")).contains(3_000);
    }

    @Test
    void givenJsonWithSpacesAroundItsValues_whenCopied_thenEachValueWithoutThem() throws Exception {
        StoredPayload payload = StoredPayload.of(
                "{ \"a\" : 42 , \"b\" :\t[ 1 , 2 ]\n, \"c\" : \"x\" }".getBytes(StandardCharsets.UTF_8));

        assertThat(copied(payload, "a")).isEqualTo("42");
        assertThat(copied(payload, "b")).isEqualTo("[ 1 , 2 ]");
        assertThat(copied(payload, "c")).isEqualTo("\"x\"");
    }

    @Test
    void givenJsonInAnotherEncodingThanUtf8_whenRead_thenRefused() {
        // The event serializer writes UTF-8; Jackson reads UTF-16 too, but then knows no byte offsets to copy from.
        byte[] utf16 = "{\"disclosureId\":\"d-1\",\"disputedAt\":\"2025-06-15T10:02:11Z\"}"
                .getBytes(StandardCharsets.UTF_16BE);

        assertThatThrownBy(() -> StoredPayload.of(utf16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a stored event's JSON is not UTF-8");
    }

    @Test
    void givenAFieldStoredTwice_whenRead_thenItsLastValueCountsAsATreeWouldReadIt() throws Exception {
        StoredPayload payload =
                StoredPayload.of("{\"id\":\"first\",\"id\":\"second\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(payload.text("id")).contains("second");
        assertThat(copied(payload, "id")).isEqualTo("\"second\"");
    }

    @Test
    void givenAMissingField_whenRead_thenNothingIsFoundAndNothingWritten() throws Exception {
        StoredPayload payload = StoredPayload.of("{\"id\":null}".getBytes(StandardCharsets.UTF_8));

        assertThat(payload.has("id")).isTrue();
        assertThat(payload.has("other")).isFalse();
        assertThat(payload.text("id")).isEmpty();
        assertThat(payload.text("other")).isEmpty();
        assertThat(payload.count("other")).isEmpty();
        assertThat(payload.tree("other")).isEmpty();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeFieldName("other");
            assertThat(payload.copy("other", out)).isFalse();
            out.writeNull();
            out.writeEndObject();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"other\":null}");
    }

    @Test
    void givenBytesThatAreNotOneObject_whenRead_thenRefusedWithoutQuotingThem() {
        String person = "person-ref-that-must-not-be-quoted";
        for (String stored : List.of(
                "[\"" + person + "\"]",
                "\"" + person + "\"",
                "{\"subjects\":[\"" + person + "\"]",
                "{\"subjects\":[\"" + person + "\"} ",
                "{\"subjects\":\"" + person + "\"} {}",
                "",
                "{\"" + person + "\" \"x\"}")) {
            assertThatThrownBy(() -> StoredPayload.of(stored.getBytes(StandardCharsets.UTF_8)))
                    .as(stored)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("a stored event's JSON")
                    .message()
                    .doesNotContain(person);
        }
    }

    private static String copied(StoredPayload payload, String field) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeFieldName("before");
            out.writeNumber(1);
            out.writeFieldName("value");
            assertThat(payload.copy(field, out)).isTrue();
            out.writeFieldName("after");
            out.writeNumber(2);
            out.writeEndObject();
        }
        // The copy sits between two values written by the generator, and the whole is one object still.
        JsonNode written = JSON.readTree(bytes.toByteArray());
        assertThat(written.get("before").asInt()).isEqualTo(1);
        assertThat(written.get("after").asInt()).isEqualTo(2);
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.substring("{\"before\":1,\"value\":".length(), text.lastIndexOf(",\"after\":"));
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            object.set(randomText(random), randomValue(random, depth));
        }
        return object;
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> NODES.textNode(randomText(random));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextInt(1000) - 500);
            case 3 ->
                NODES.numberNode(new BigDecimal(random.nextDouble() * 1e6 - 5e5).setScale(4, RoundingMode.HALF_UP));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.textNode("");
            case 7 -> randomObject(random, depth - 1);
            default -> {
                ArrayNode list = NODES.arrayNode();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    list.add(randomValue(random, depth - 1));
                }
                yield list;
            }
        };
    }

    private static String randomText(Random random) {
        String alphabet = "abcXYZ019 \"\\/\n\t\u0001éü日🙂-_.:";
        int[] points = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return text.toString();
    }
}
