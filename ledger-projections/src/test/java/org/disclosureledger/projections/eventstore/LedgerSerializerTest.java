package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.Disclosure;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerSerializerTest {

    private final LedgerSerializer serializer =
            LedgerSerializer.create(LedgerEventTypes.standard(), List.of(Disclosure.class));
    private final ObjectMapper json = new ObjectMapper();

    static Stream<Arguments> events() {
        return Examples.eventsByName().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void givenLedgerEvent_whenSerialized_thenStoredUnderItsStableNameAndRevisionOne(String name, Object event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);

        assertThat(serialized.getType()).isEqualTo(new SimpleSerializedType(name, "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void givenLedgerEvent_whenSerializedAndRead_thenEqualToTheOriginal(String name, Object event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);

        Object read = serializer.deserialize(serialized);

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void givenLedgerEvent_whenSerialized_thenEveryTimeIsIsoTextNeverANumber(String name, Object event)
            throws Exception {
        JsonNode tree = json.readTree(serializer.serialize(event, byte[].class).getData());

        assertThat(timeFields(tree)).isNotEmpty().allSatisfy((field, value) -> {
            assertThat(value.isTextual()).as(field).isTrue();
            assertThat(value.asText()).as(field).matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z)?");
        });
    }

    @Test
    void givenStableName_whenResolved_thenTheCoreEventClass() {
        LedgerEventTypes.standard()
                .asMap()
                .forEach((name, type) -> assertThat(serializer.classForType(new SimpleSerializedType(name, "1")))
                        .isEqualTo(type));
    }

    @Test
    void givenAxonTrackingToken_whenSerialized_thenAxonDefaultTypeNameAndRoundTrip() {
        TrackingToken token = GapAwareTrackingToken.newInstance(42, List.of(40L, 41L));

        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);

        assertThat(serialized.getType().getName()).isEqualTo(GapAwareTrackingToken.class.getName());
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(token);
    }

    @Test
    void givenUnknownTypeName_whenRead_thenUnknownSerializedTypeRatherThanFailure() {
        SerializedType type = new SimpleSerializedType("NoSuchEvent", "1");

        assertThat(serializer.classForType(type)).isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void givenDisclosureAggregate_whenSnapshotted_thenItsPrivateFieldsRoundTrip() throws Exception {
        Disclosure disclosure = bulkDisclosureWithOneChunk();

        SerializedObject<byte[]> serialized = serializer.serialize(disclosure, byte[].class);
        Disclosure read = serializer.deserialize(serialized);

        assertThat(serialized.getType())
                .isEqualTo(new SimpleSerializedType(Disclosure.class.getName(), SnapshotRevision.of(Disclosure.class)));
        JsonNode tree = json.readTree(serialized.getData());
        assertThat(tree.get("chunksAttached").asInt()).isEqualTo(1);
        assertThat(tree.get("manifest").get("treeSize").asLong()).isEqualTo(2);
        assertThat(read).usingRecursiveComparison().isEqualTo(disclosure);
    }

    @Test
    void givenSnapshotRevision_whenComputedTwice_thenTheSameShortHex() {
        assertThat(SnapshotRevision.of(Disclosure.class))
                .isEqualTo(SnapshotRevision.of(Disclosure.class))
                .matches("[0-9a-f]{16}");
        assertThat(SnapshotRevision.shapeOf(Disclosure.class))
                .contains("manifest:org.disclosureledger.core.merkle.MerkleFrontier{treeSize:long;");
    }

    @Test
    void givenPayloadWithUnknownField_whenRead_thenRefusedRatherThanSilentlyDropped() {
        byte[] bytes =
                "{\"disclosureId\":\"d-1\",\"liftId\":\"l-1\",\"authority\":\"a\",\"reason\":\"r\",\"liftedAt\":\"2025-10-01T12:00:00Z\",\"requestDigest\":\"x\",\"extra\":1}"
                        .getBytes(StandardCharsets.UTF_8);
        SerializedObject<byte[]> serialized =
                new SimpleSerializedObject<>(bytes, byte[].class, new SimpleSerializedType("SuspensionLifted", "1"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serializer.deserialize(serialized))
                .hasMessageContaining("deserializing");
    }

    private static Disclosure bulkDisclosureWithOneChunk() throws Exception {
        Constructor<Disclosure> constructor = Disclosure.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        Disclosure disclosure = constructor.newInstance();
        DisclosureId id = new DisclosureId("ca-dhcs-2025-06-0002");
        List<PersonRef> subjects = Examples.people("s", 2);
        apply(disclosure, new BulkDisclosureOpened(id, EventStoreTestApplication.NOW, Examples.details(), null, "d"));
        apply(
                disclosure,
                new BulkSubjectsAttached(
                        id, 1, 0, subjects, Examples.digestOf(subjects), EventStoreTestApplication.NOW));
        return disclosure;
    }

    private static void apply(Disclosure disclosure, Object event) throws Exception {
        Method handler = Disclosure.class.getDeclaredMethod("on", event.getClass());
        handler.setAccessible(true);
        handler.invoke(disclosure, event);
    }

    private static Map<String, JsonNode> timeFields(JsonNode tree) {
        Map<String, JsonNode> found = new java.util.TreeMap<>();
        collect("", tree, found);
        return found;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> found) {
        node.properties().forEach(e -> {
            String field = path + e.getKey();
            if (e.getValue().isObject()) {
                collect(field + ".", e.getValue(), found);
            } else if (e.getKey().endsWith("At")
                    || e.getKey().equals("until")
                    || e.getKey().equals("dueBy")) {
                if (!e.getValue().isNull()) {
                    found.put(field, e.getValue());
                }
            }
        });
    }
}
