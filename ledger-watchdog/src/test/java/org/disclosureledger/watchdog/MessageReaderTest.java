package org.disclosureledger.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.watchdog.stream.CheckpointMessage;
import org.disclosureledger.watchdog.stream.DisclosureMessage;
import org.disclosureledger.watchdog.stream.MessageReader;
import org.disclosureledger.watchdog.stream.UnreadableMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageReaderTest {

    private static final Sha256Hash LEAF = MerkleTree.leafHash("entry".getBytes(StandardCharsets.UTF_8));

    private final MessageReader reader = new MessageReader(TestLedger.ORIGIN);

    @Test
    void givenARecordedEvent_whenRead_thenItsAttributesAndSubjectCountAreKept() throws Exception {
        DisclosureMessage m = reader.disclosure(
                Messages.recorded("ca-dhcs-2025-06-0001", 12, LEAF, 3).bytes());

        assertThat(m.id()).isEqualTo("event-12");
        assertThat(m.kind()).isEqualTo(StreamKind.RECORDED);
        assertThat(m.disclosureId()).isEqualTo("ca-dhcs-2025-06-0001");
        assertThat(m.ledgerIndex()).isEqualTo(12);
        assertThat(m.leafHash()).isEqualTo(LEAF);
        assertThat(m.disclosureSeq()).isZero();
        assertThat(m.custodianState()).isEqualTo("CA");
        assertThat(m.recipientAgency()).isEqualTo("us-dhs-ice");
        assertThat(m.purpose()).isEqualTo("LAW");
        assertThat(m.dataCategories()).containsExactly("ADDRESS", "NAME", "SSN");
        assertThat(m.subjectCount()).hasValue(3);
        assertThat(m.time()).isEqualTo("2025-06-15T10:02:11Z");
    }

    @Test
    void givenARecordedRead_whenRead_thenItNeedsNoFilterAttributesAndReadsAsAnAccessLine() throws Exception {
        byte[] bytes = new JsonFormat()
                .serialize(CloudEventBuilder.v1()
                        .withId("event-40")
                        .withSource(java.net.URI.create(Messages.ORIGIN_SOURCE))
                        .withType(StreamKind.HISTORY_ACCESSED.type())
                        .withSubject("access-1")
                        .withTime(Messages.TIME)
                        .withDataContentType("application/json")
                        .withExtension(StreamAttributes.LEDGER_INDEX, 40)
                        .withExtension(StreamAttributes.LEAF_HASH, LEAF.hex())
                        .withExtension(StreamAttributes.DISCLOSURE_SEQUENCE, 0)
                        .withData(("{\"accessId\":\"access-1\",\"readerSubject\":\"auditor-ca@example.gov\","
                                        + "\"role\":\"AUDITOR\",\"record\":\"HISTORY\",\"purpose\":\"Complaint 7\","
                                        + "\"accessedAt\":\"2025-10-02T14:05:00Z\"}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .build());

        DisclosureMessage m = reader.disclosure(bytes);

        assertThat(m.kind()).isEqualTo(StreamKind.HISTORY_ACCESSED);
        assertThat(m.ledgerIndex()).isEqualTo(40);
        assertThat(org.disclosureledger.watchdog.follow.LineFormat.line(m))
                .isEqualTo(
                        "2025-06-15T10:02:11Z ACCESS AUDITOR auditor-ca@example.gov read HISTORY \"Complaint 7\" #40");
    }

    @Test
    void givenIntegerAttributesWrittenAsStrings_whenRead_thenTheyAreAccepted() throws Exception {
        byte[] bytes = new JsonFormat()
                .serialize(CloudEventBuilder.v1(new JsonFormat()
                                .deserialize(
                                        Messages.recorded("d-1", 4, LEAF, 1).bytes()))
                        .withExtension(StreamAttributes.LEDGER_INDEX, "4")
                        .withExtension(StreamAttributes.DISCLOSURE_SEQUENCE, "0")
                        .build());
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"ledgerindex\":\"4\"");

        assertThat(reader.disclosure(bytes).ledgerIndex()).isEqualTo(4);
    }

    @Test
    void givenACheckpoint_whenRead_thenTheSignedNoteIsKeptExactly() throws Exception {
        TestLedger ledger = new TestLedger();
        ledger.append("a");
        String note = ledger.checkpoint(1);

        CheckpointMessage m = reader.checkpoint(Messages.checkpoint(1, note));

        assertThat(m.treeSize()).isEqualTo(1);
        assertThat(m.signedNote()).isEqualTo(note);
    }

    @Test
    void givenACheckpointWhoseNoteWasGivenToTheSdkAsBytes_whenRead_thenTheSignedNoteIsKeptExactly() throws Exception {
        TestLedger ledger = new TestLedger();
        ledger.append("a");
        String note = ledger.checkpoint(1);
        byte[] bytes = new JsonFormat()
                .serialize(CloudEventBuilder.v1()
                        .withId("checkpoint-1")
                        .withSource(java.net.URI.create(TestLedger.ORIGIN))
                        .withType(StreamKind.CHECKPOINT.type())
                        .withSubject("1")
                        .withTime(Messages.TIME)
                        .withDataContentType("text/plain; charset=utf-8")
                        .withExtension(StreamAttributes.TREE_SIZE, 1)
                        .withData(note.getBytes(StandardCharsets.UTF_8))
                        .build());

        assertThat(reader.checkpoint(bytes).signedNote()).isEqualTo(note);
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(
                        StreamKind.BULK_OPENED,
                        "{\"disclosureId\":\"d-1\",\"recordedAt\":\"2025-06-15T10:00:00Z\"}",
                        null,
                        ""),
                Arguments.of(
                        StreamKind.BULK_SUBJECTS_ATTACHED,
                        "{\"disclosureId\":\"d-1\",\"chunkNumber\":2,\"subjectCount\":1000}",
                        1000L,
                        "chunk 2"),
                Arguments.of(
                        StreamKind.BULK_SEALED,
                        "{\"disclosureId\":\"d-1\",\"subjectCount\":2500000,\"chunkCount\":2500}",
                        2_500_000L,
                        "2500 chunks"),
                Arguments.of(
                        StreamKind.CORRECTED,
                        "{\"disclosureId\":\"d-1\",\"fields\":[\"PURPOSE\",\"RECORD_COUNT\"]}",
                        null,
                        "fields PURPOSE,RECORD_COUNT"),
                Arguments.of(
                        StreamKind.DESTRUCTION_REQUESTED,
                        "{\"disclosureId\":\"d-1\",\"dueBy\":\"2026-01-01\"}",
                        null,
                        "due 2026-01-01"),
                Arguments.of(
                        StreamKind.DESTRUCTION_CERTIFIED,
                        "{\"disclosureId\":\"d-1\",\"destroyedAt\":\"2025-12-01T00:00:00Z\"}",
                        null,
                        "destroyed 2025-12-01T00:00:00Z"),
                Arguments.of(StreamKind.SUSPENSION_LIFTED, "{\"disclosureId\":\"d-1\",\"liftId\":\"l-1\"}", null, ""),
                Arguments.of(
                        StreamKind.FLAGGED,
                        "{\"disclosureId\":\"d-1\",\"findings\":[{\"ruleId\":\"cfr-42-431-302\",\"severity\":"
                                + "\"CONCERN\",\"explanation\":\"x\"},{\"ruleId\":\"cms-ice-2025-agreement\","
                                + "\"severity\":\"CONCERN\",\"explanation\":\"y\"}]}",
                        null,
                        "findings cfr-42-431-302,cms-ice-2025-agreement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachKindIsReadWithItsPeopleAndDetail(StreamKind kind, String data, Long people, String detail)
            throws Exception {
        DisclosureMessage m = reader.disclosure(
                new Messages.Disclosure("e-1", kind, "d-1", 9, LEAF, 1, "CA", "us-dhs-ice", "LAW", "NAME", data)
                        .bytes());

        assertThat(m.kind()).isEqualTo(kind);
        assertThat(m.subjectCount().isPresent() ? m.subjectCount().getAsLong() : null)
                .isEqualTo(people);
        assertThat(m.detail()).isEqualTo(detail);
    }

    static Stream<Arguments> unreadable() {
        Messages.Disclosure good = Messages.recorded("d-1", 4, LEAF, 1);
        return Stream.of(
                Arguments.of("not JSON", "garbage".getBytes(StandardCharsets.UTF_8), "not a CloudEvent"),
                Arguments.of("empty", new byte[0], "no value"),
                Arguments.of("another ledger", good.bytes("other.ledger/x"), "is not the followed ledger's origin"),
                Arguments.of("a checkpoint type", Messages.checkpoint(1, "note\n"), "is not a disclosure event"),
                Arguments.of(
                        "no ledger index",
                        without(good.bytes(), StreamAttributes.LEDGER_INDEX),
                        "ledgerindex attribute is missing"),
                Arguments.of(
                        "a leaf hash in capitals",
                        with(
                                good.bytes(),
                                StreamAttributes.LEAF_HASH,
                                LEAF.hex().toUpperCase()),
                        "leafhash is not 64 lower-case hex digits"),
                Arguments.of(
                        "a custodian state longer than the store keeps",
                        with(good.bytes(), StreamAttributes.CUSTODIAN_STATE, "C".repeat(21)),
                        "custodianstate is 21 characters long, longer than any the ledger writes (at most 20)"),
                Arguments.of(
                        "an id longer than the store keeps",
                        rebuilt(good.bytes(), event -> event.withId("e".repeat(401))),
                        "id is 401 characters long"),
                Arguments.of(
                        "a negative seq",
                        with(good.bytes(), StreamAttributes.DISCLOSURE_SEQUENCE, "-1"),
                        "disclosureseq is negative"),
                Arguments.of(
                        "data for another disclosure",
                        new Messages.Disclosure(
                                        "e",
                                        StreamKind.RECORDED,
                                        "d-2",
                                        4,
                                        LEAF,
                                        0,
                                        "CA",
                                        "us-dhs-ice",
                                        "LAW",
                                        "NAME",
                                        "{\"disclosureId\":\"d-1\",\"subjectCount\":1}")
                                .bytes(),
                        "data.disclosureId is not the subject"),
                Arguments.of(
                        "no subject count",
                        new Messages.Disclosure(
                                        "e",
                                        StreamKind.RECORDED,
                                        "d-1",
                                        4,
                                        LEAF,
                                        0,
                                        "CA",
                                        "us-dhs-ice",
                                        "LAW",
                                        "NAME",
                                        "{\"disclosureId\":\"d-1\"}")
                                .bytes(),
                        "data.subjectCount is not a non-negative integer"));
    }

    @Test
    void givenAVeryLongUnknownType_whenRead_thenTheReasonQuotesOnlyItsStart() {
        byte[] longType = rebuilt(Messages.checkpoint(1, "note\n"), event -> event.withType("t".repeat(3_000)));

        assertThatThrownBy(() -> reader.disclosure(longType))
                .isInstanceOf(UnreadableMessage.class)
                .hasMessageContaining("is not a disclosure event")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void givenAMessageThatBreaksTheContract_whenRead_thenItIsUnreadableWithTheReason(
            String name, byte[] bytes, String reason) {
        assertThatThrownBy(() -> reader.disclosure(bytes))
                .isInstanceOf(UnreadableMessage.class)
                .hasMessageContaining(reason);
    }

    private static byte[] with(byte[] event, String name, String value) {
        return rebuilt(event, e -> e.withExtension(name, value));
    }

    private static byte[] without(byte[] event, String name) {
        return rebuilt(event, e -> e.withoutExtension(name));
    }

    /** The message with one change made to its CloudEvent. */
    private static byte[] rebuilt(byte[] event, UnaryOperator<CloudEventBuilder> change) {
        JsonFormat format = new JsonFormat();
        return format.serialize(
                change.apply(CloudEventBuilder.v1(format.deserialize(event))).build());
    }
}
