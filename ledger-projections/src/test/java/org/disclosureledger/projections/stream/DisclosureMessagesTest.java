package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosureledger.projections.stream.StreamExamples.edited;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DisclosureDisputed;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each stored event becomes the message docs/stream.md describes: the envelope's attributes, data valid against its
 * kind's schema, and nothing about a person.
 */
class DisclosureMessagesTest {

    static final String ORIGIN = "test.disclosure-ledger/log";
    static final Instant STORED = Instant.parse("2025-06-15T10:02:11.400Z");
    static final byte[] LEAF =
            HexFormat.of().parseHex("0d222700f19091c9807c6e1756141b05aab25565163ed94c6b90263d268c9343");
    static final DisclosureFilter FILTER = new DisclosureFilter("CA", "us-dhs-ice", "LAW", "ADDRESS,NAME,SSN");

    final DisclosureMessages messages = new DisclosureMessages(ORIGIN);
    final ObjectMapper json = new ObjectMapper();

    static Stream<Arguments> everyKind() {
        return StreamExamples.oneOfEachKind().stream()
                .map(event -> Arguments.of(Named.of(event.getClass().getSimpleName(), event)));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void givenStoredEvent_whenMapped_thenEnvelopeCarriesItsIdentityLedgerPlaceAndFilters(Object payload) {
        StoredDisclosureEvent stored = StreamExamples.stored("event-7", 4, STORED, payload);
        StreamKind kind = stored.kind();

        CloudEvent event = roundTrip(messages.disclosureEvent(stored, new LedgerPosition(41, LEAF), FILTER));

        assertThat(kind.storedEventName()).contains(payload.getClass().getSimpleName());
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo("event-7");
        assertThat(event.getSource()).isEqualTo(URI.create(ORIGIN));
        assertThat(event.getType()).isEqualTo("org.disclosureledger.disclosure." + kind.kind() + ".v1");
        assertThat(event.getSubject()).isEqualTo("ca-dhcs-2025-06-0001");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.of(2025, 6, 15, 10, 2, 11, 400_000_000, ZoneOffset.UTC));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getDataSchema()).isEqualTo(URI.create("urn:disclosure-ledger:schema:" + kind.kind() + ".v1"));
        assertThat(event.getExtension(StreamAttributes.LEDGER_INDEX)).hasToString("41");
        assertThat(event.getExtension(StreamAttributes.LEAF_HASH))
                .isEqualTo("0d222700f19091c9807c6e1756141b05aab25565163ed94c6b90263d268c9343");
        assertThat(event.getExtension(StreamAttributes.DISCLOSURE_SEQUENCE)).hasToString("4");
        assertThat(event.getExtension(StreamAttributes.CUSTODIAN_STATE)).isEqualTo("CA");
        assertThat(event.getExtension(StreamAttributes.RECIPIENT_AGENCY)).isEqualTo("us-dhs-ice");
        assertThat(event.getExtension(StreamAttributes.PURPOSE)).isEqualTo("LAW");
        assertThat(event.getExtension(StreamAttributes.DATA_CATEGORIES)).isEqualTo("ADDRESS,NAME,SSN");
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void givenStoredEvent_whenMapped_thenDataIsValidAgainstItsKindsSchema(Object payload) throws Exception {
        StoredDisclosureEvent stored = StreamExamples.stored("event-1", 0, STORED, payload);
        StreamKind kind = stored.kind();
        byte[] structured = messages.disclosureEvent(stored, new LedgerPosition(0, LEAF), FILTER);

        JsonNode data = json.readTree(structured).get("data");

        assertThat(data.isObject())
                .as("structured mode carries JSON data inline")
                .isTrue();
        assertThat(StreamSchemas.problems(kind, data.toString())).isEmpty();
        assertThat(data.get("disclosureId").asText()).isEqualTo("ca-dhcs-2025-06-0001");
        JsonNode envelope = json.readTree(structured);
        for (String integer : List.of(StreamAttributes.LEDGER_INDEX, StreamAttributes.DISCLOSURE_SEQUENCE)) {
            assertThat(envelope.get(integer).isIntegralNumber())
                    .as("%s is a JSON integer", integer)
                    .isTrue();
        }
    }

    @Test
    void givenRecordedDisclosure_whenMapped_thenDataHasTheDocumentedFieldsInOrderWithSubjectsCounted()
            throws Exception {
        DisclosureRecorded recorded =
                (DisclosureRecorded) StreamExamples.oneOfEachKind().get(0);

        JsonNode data = dataOf(recorded);

        assertThat(fieldNames(data))
                .containsExactly("disclosureId", "recordedAt", "details", "subjectCount", "suspension");
        assertThat(data.get("subjectCount").asLong()).isEqualTo(2);
        assertThat(data.get("recordedAt").asText()).isEqualTo("2025-06-15T10:02:11.337Z");
        assertThat(data.get("suspension").get("until").asText()).isEqualTo("2026-01-01");
        assertThat(data.get("details").get("recipient").get("component").asText())
                .isEqualTo("Enforcement and Removal Operations");
        assertThat(data.get("details").get("accessWindow").isNull()).isTrue();
    }

    @Test
    void givenEventsNamingPeople_whenMapped_thenNoPersonReferenceStatementOrDigestIsInTheMessage() {
        List<Object> events = StreamExamples.oneOfEachKind();
        for (Object payload : events) {
            String message = new String(
                    messages.disclosureEvent(
                            StreamExamples.stored("event-1", 0, STORED, payload), new LedgerPosition(0, LEAF), FILTER),
                    StandardCharsets.UTF_8);
            for (PersonRef person : peopleIn(payload)) {
                assertThat(message).doesNotContain(person.value());
            }
            assertThat(message).doesNotContain(StreamExamples.DIGEST);
            assertThat(message).doesNotContain(StreamExamples.DISPUTE_STATEMENT);
        }
    }

    @Test
    void givenBulkChunk_whenMapped_thenItsSubjectsAreACount() throws Exception {
        BulkSubjectsAttached chunk =
                (BulkSubjectsAttached) StreamExamples.oneOfEachKind().get(2);

        JsonNode data = dataOf(chunk);

        assertThat(fieldNames(data))
                .containsExactly(
                        "disclosureId",
                        "chunkNumber",
                        "firstManifestIndex",
                        "subjectCount",
                        "chunkDigest",
                        "attachedAt");
        assertThat(data.get("subjectCount").asLong()).isEqualTo(3);
    }

    @Test
    void givenDataWithAnExtraOrMissingField_whenValidated_thenTheSchemaRefusesIt() throws Exception {
        ObjectNode recorded = (ObjectNode) dataOf(StreamExamples.oneOfEachKind().get(0));
        ObjectNode withSubjects = recorded.deepCopy();
        withSubjects.putArray("subjects").add(StreamExamples.person("x").value());
        ObjectNode withoutCount = recorded.deepCopy();
        withoutCount.remove("subjectCount");
        ObjectNode disputed = (ObjectNode) dataOf(StreamExamples.oneOfEachKind().get(5));
        disputed.put("statement", "mine");

        assertThat(StreamSchemas.problems(StreamKind.RECORDED, recorded.toString()))
                .isEmpty();
        assertThat(StreamSchemas.problems(StreamKind.RECORDED, withSubjects.toString()))
                .isNotEmpty();
        assertThat(StreamSchemas.problems(StreamKind.RECORDED, withoutCount.toString()))
                .isNotEmpty();
        assertThat(StreamSchemas.problems(StreamKind.DISPUTED, disputed.toString()))
                .isNotEmpty();
    }

    @Test
    void givenFirstEventsAndCorrection_whenAsked_thenTheySetTheFilterAndOtherFollowOnsDoNot() {
        List<Object> events = StreamExamples.oneOfEachKind();

        assertThat(DisclosureMessages.filterSetBy(stored(events.get(0))))
                .contains(new DisclosureFilter("CA", "us-dhs-ice", "LAW", "ADDRESS,IMMIGRATION_STATUS,NAME,SSN"));
        assertThat(DisclosureMessages.filterSetBy(stored(events.get(1))))
                .contains(new DisclosureFilter("CA", "us-dhs-ice", "LAW", "ADDRESS,IMMIGRATION_STATUS,NAME,SSN"));
        assertThat(DisclosureMessages.filterSetBy(stored(events.get(4))))
                .contains(new DisclosureFilter("CA", "us-hhs-oig", "OVERSIGHT", "CLAIMS,NAME"));
        for (Object followOn : List.of(events.get(2), events.get(3), events.get(5), events.get(6), events.get(7))) {
            assertThat(DisclosureMessages.filterSetBy(stored(followOn))).isEmpty();
        }
    }

    @Test
    void givenSomethingThatIsNotALedgerEvent_whenMapped_thenRefused() {
        assertThatThrownBy(() -> StoredDisclosureEvent.kindOf("org.example.NotALedgerEvent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.example.NotALedgerEvent");
    }

    @Test
    void givenStoredEventWithFieldsTheStreamDoesNotName_whenMapped_thenTheyAreLeftOut() throws Exception {
        StoredDisclosureEvent recorded =
                edited(stored(StreamExamples.oneOfEachKind().get(0)), payload -> {
                    payload.put("statement", StreamExamples.DISPUTE_STATEMENT);
                    payload.put("person", StreamExamples.person("added later").value());
                });

        JsonNode data = json.readTree(messages.disclosureEvent(recorded, new LedgerPosition(0, LEAF), FILTER))
                .get("data");

        assertThat(fieldNames(data))
                .containsExactly("disclosureId", "recordedAt", "details", "subjectCount", "suspension");
        assertThat(data.toString())
                .doesNotContain(StreamExamples.DISPUTE_STATEMENT)
                .doesNotContain(StreamExamples.person("added later").value());
    }

    @Test
    void givenStoredEventWithoutANamedField_whenMapped_thenRefusedNamingTheEventAndFieldButNoValue() {
        StoredDisclosureEvent recorded =
                edited(stored(StreamExamples.oneOfEachKind().get(0)), payload -> payload.remove("recordedAt"));
        StoredDisclosureEvent read = edited(
                StreamExamples.stored("event-2", 0, STORED, AccessMessagesTest.READ),
                payload -> payload.remove("reader"));

        assertThatThrownBy(() -> messages.disclosureEvent(recorded, new LedgerPosition(0, LEAF), FILTER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored event event-1 (recorded) has no field recordedAt");
        assertThatThrownBy(() -> messages.accessEvent(read, new LedgerPosition(0, LEAF)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored event event-2 (history-accessed) has no field reader.subject");
    }

    @Test
    void givenStoredSubjectsThatAreNotAList_whenMapped_thenRefusedWithoutQuotingThem() {
        String person = StreamExamples.person("bulk-0").value();
        StoredDisclosureEvent chunk =
                edited(stored(StreamExamples.oneOfEachKind().get(2)), payload -> payload.put("subjects", person));

        assertThatThrownBy(() -> messages.disclosureEvent(chunk, new LedgerPosition(0, LEAF), FILTER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored event event-1 (bulk-subjects-attached): subjects is not a list")
                .message()
                .doesNotContain(person);
    }

    @Test
    void givenStoredDetailsWithoutAFilterAttribute_whenAskedForTheFilter_thenRefusedNamingIt() {
        StoredDisclosureEvent recorded = edited(
                stored(StreamExamples.oneOfEachKind().get(0)),
                payload -> ((ObjectNode) payload.get("details").get("purpose")).remove("code"));
        StoredDisclosureEvent correction =
                edited(stored(StreamExamples.oneOfEachKind().get(4)), payload -> payload.remove("corrected"));

        StoredDisclosureEvent opened = edited(
                stored(StreamExamples.oneOfEachKind().get(1)),
                payload -> ((ObjectNode) payload.get("details").get("recipient")).putObject("agencyId"));
        StoredDisclosureEvent categorised = edited(
                stored(StreamExamples.oneOfEachKind().get(0)),
                payload -> ((ArrayNode) payload.get("details").get("dataCategories")).add(7));

        assertThatThrownBy(() -> DisclosureMessages.filterSetBy(recorded))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a disclosure's stored details have no purpose.code");
        assertThatThrownBy(() -> DisclosureMessages.filterSetBy(opened))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a disclosure's stored details have no text at recipient.agencyId");
        assertThatThrownBy(() -> DisclosureMessages.filterSetBy(categorised))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a disclosure's stored data categories are not all text");
        assertThatThrownBy(() -> DisclosureMessages.filterSetBy(correction))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored event event-1 (corrected) has no field corrected");
    }

    @Test
    void givenSignedCheckpoint_whenMapped_thenItsNoteIsTheDataAsAJsonString() throws Exception {
        String note = "test.disclosure-ledger/log\n12\nq6Zt1f2mE0Y=\n\n— test.disclosure-ledger/log AAAA\n";
        CloudEvent checkpoint = messages.checkpoint(12, note, Instant.parse("2025-07-01T12:00:00Z"));
        byte[] structured = DisclosureMessages.structured(checkpoint);

        JsonNode raw = json.readTree(structured);
        CloudEvent read = new JsonFormat().deserialize(structured);

        assertThat(raw.get("data").isTextual()).isTrue();
        assertThat(raw.get("data").asText()).isEqualTo(note);
        assertThat(raw.has("data_base64")).isFalse();
        assertThat(read.getId()).isEqualTo("checkpoint-12");
        assertThat(read.getType()).isEqualTo("org.disclosureledger.ledger.checkpoint.v1");
        assertThat(read.getSubject()).isEqualTo("12");
        assertThat(read.getSource()).isEqualTo(URI.create(ORIGIN));
        assertThat(read.getDataContentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(raw.get(StreamAttributes.TREE_SIZE).isIntegralNumber()).isTrue();
        assertThat(read.getExtension(StreamAttributes.TREE_SIZE)).hasToString("12");
        assertThat(read.getTime()).isEqualTo(OffsetDateTime.of(2025, 7, 1, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void givenMessage_whenMadeARecord_thenKeyedAndMarkedAsStructuredCloudEvent() {
        ProducerRecord<String, byte[]> record = StreamProducer.record(
                "topic",
                "ca-dhcs-2025-06-0001",
                messages.disclosureEvent(
                        stored(StreamExamples.oneOfEachKind().get(0)), new LedgerPosition(0, LEAF), FILTER));

        assertThat(record.key()).isEqualTo("ca-dhcs-2025-06-0001");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json; charset=UTF-8");
    }

    private JsonNode dataOf(Object payload) throws Exception {
        return json.readTree(messages.disclosureEvent(stored(payload), new LedgerPosition(0, LEAF), FILTER))
                .get("data");
    }

    private static StoredDisclosureEvent stored(Object payload) {
        return StreamExamples.stored("event-1", 0, STORED, payload);
    }

    private static CloudEvent roundTrip(byte[] structured) {
        return new JsonFormat().deserialize(structured);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static List<PersonRef> peopleIn(Object payload) {
        if (payload instanceof DisclosureRecorded e) {
            return e.subjects();
        } else if (payload instanceof BulkSubjectsAttached e) {
            return e.subjects();
        } else if (payload instanceof DisclosureDisputed e) {
            return List.of(e.subject());
        }
        return List.of();
    }
}
