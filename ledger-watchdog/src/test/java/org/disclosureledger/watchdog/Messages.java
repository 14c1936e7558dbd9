package org.disclosureledger.watchdog;

import com.fasterxml.jackson.databind.node.TextNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;

/** Stream messages built exactly as {@code docs/stream.md} describes them, with the CloudEvents SDK. */
final class Messages {

    static final OffsetDateTime TIME = OffsetDateTime.of(2025, 6, 15, 10, 2, 11, 337_000_000, ZoneOffset.UTC);

    private Messages() {}

    /** A disclosure event's attributes; {@code data} is its JSON. */
    record Disclosure(
            String id,
            StreamKind kind,
            String disclosureId,
            long ledgerIndex,
            Sha256Hash leafHash,
            long seq,
            String state,
            String recipient,
            String purpose,
            String categories,
            String data) {

        byte[] bytes() {
            return bytes(ORIGIN_SOURCE);
        }

        /**
         * CloudEvents integers are 32-bit: the SDK writes an {@code Integer} extension as a JSON number (a {@code Long}
         * would become a string, which the watchdog also reads).
         */
        byte[] bytes(String source) {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(id)
                    .withSource(URI.create(source))
                    .withType(kind.type())
                    .withSubject(disclosureId)
                    .withTime(TIME)
                    .withDataContentType("application/json")
                    .withDataSchema(URI.create(kind.dataSchema()))
                    .withExtension(StreamAttributes.LEDGER_INDEX, Math.toIntExact(ledgerIndex))
                    .withExtension(StreamAttributes.LEAF_HASH, leafHash.hex())
                    .withExtension(StreamAttributes.DISCLOSURE_SEQUENCE, Math.toIntExact(seq))
                    .withExtension(StreamAttributes.CUSTODIAN_STATE, state)
                    .withExtension(StreamAttributes.RECIPIENT_AGENCY, recipient)
                    .withExtension(StreamAttributes.PURPOSE, purpose)
                    .withExtension(StreamAttributes.DATA_CATEGORIES, categories)
                    .withData(data.getBytes(StandardCharsets.UTF_8))
                    .build();
            return new JsonFormat().serialize(event);
        }
    }

    static final String ORIGIN_SOURCE = TestLedger.ORIGIN;

    /** A {@code recorded} event of a disclosure by CA to ICE for LAW, with {@code subjects} people. */
    static Disclosure recorded(String disclosureId, long index, Sha256Hash leafHash, int subjects) {
        return recorded(disclosureId, index, leafHash, subjects, "CA", "us-dhs-ice");
    }

    static Disclosure recorded(
            String disclosureId, long index, Sha256Hash leafHash, int subjects, String state, String recipient) {
        return new Disclosure(
                "event-" + index,
                StreamKind.RECORDED,
                disclosureId,
                index,
                leafHash,
                0,
                state,
                recipient,
                "LAW",
                "ADDRESS,NAME,SSN",
                "{\"disclosureId\":\"" + disclosureId + "\",\"recordedAt\":\"2025-06-15T10:02:11.337Z\","
                        + "\"details\":{\"custodian\":{\"state\":\"" + state + "\"}},\"subjectCount\":" + subjects
                        + ",\"suspension\":null}");
    }

    /** A {@code disputed} follow-on at {@code seq} of a disclosure. */
    static Disclosure disputed(String disclosureId, long index, Sha256Hash leafHash, long seq) {
        return new Disclosure(
                "event-" + index,
                StreamKind.DISPUTED,
                disclosureId,
                index,
                leafHash,
                seq,
                "CA",
                "us-dhs-ice",
                "LAW",
                "ADDRESS,NAME,SSN",
                "{\"disclosureId\":\"" + disclosureId + "\",\"disputeId\":\"dispute-" + index
                        + "\",\"disputedAt\":\"2025-07-01T00:00:00Z\"}");
    }

    /** A {@code corrected} follow-on at {@code seq} that leaves the disclosure in {@code state}, to ICE for LAW. */
    static Disclosure corrected(String disclosureId, long index, Sha256Hash leafHash, long seq, String state) {
        return new Disclosure(
                "event-" + index,
                StreamKind.CORRECTED,
                disclosureId,
                index,
                leafHash,
                seq,
                state,
                "us-dhs-ice",
                "LAW",
                "ADDRESS,NAME,SSN",
                "{\"disclosureId\":\"" + disclosureId + "\",\"correctionId\":\"correction-" + index
                        + "\",\"fields\":[\"custodian\"]}");
    }

    /**
     * A {@code history-accessed} message: an auditor's read of someone's history under {@code accessId}, with the
     * purpose they stated; like the ledger's, without any filter attribute, and first (0) in its own sequence.
     */
    static byte[] accessed(String id, String accessId, long index, Sha256Hash leafHash, String purpose) {
        return accessed(id, accessId, index, leafHash, 0, purpose);
    }

    /** A {@code history-accessed} message claiming {@code seq} as its sequence number. */
    static byte[] accessed(String id, String accessId, long index, Sha256Hash leafHash, long seq, String purpose) {
        String data = "{\"accessId\":\"" + accessId + "\",\"readerSubject\":\"auditor-ca@example.gov\","
                + "\"role\":\"AUDITOR\",\"record\":\"HISTORY\",\"purpose\":\"" + purpose + "\","
                + "\"accessedAt\":\"2025-06-15T10:02:11Z\"}";
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(ORIGIN_SOURCE))
                .withType(StreamKind.HISTORY_ACCESSED.type())
                .withSubject(accessId)
                .withTime(TIME)
                .withDataContentType("application/json")
                .withDataSchema(URI.create(StreamKind.HISTORY_ACCESSED.dataSchema()))
                .withExtension(StreamAttributes.LEDGER_INDEX, Math.toIntExact(index))
                .withExtension(StreamAttributes.LEAF_HASH, leafHash.hex())
                .withExtension(StreamAttributes.DISCLOSURE_SEQUENCE, Math.toIntExact(seq))
                .withData(data.getBytes(StandardCharsets.UTF_8))
                .build();
        return new JsonFormat().serialize(event);
    }

    /** A checkpoint message carrying {@code signedNote} for {@code treeSize}. */
    static byte[] checkpoint(long treeSize, String signedNote) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("checkpoint-" + treeSize)
                .withSource(URI.create(ORIGIN_SOURCE))
                .withType(StreamKind.CHECKPOINT.type())
                .withSubject(Long.toString(treeSize))
                .withTime(TIME)
                .withDataContentType("text/plain; charset=utf-8")
                .withExtension(StreamAttributes.TREE_SIZE, Math.toIntExact(treeSize))
                .withData(JsonCloudEventData.wrap(TextNode.valueOf(signedNote)))
                .build();
        return new JsonFormat().serialize(event);
    }
}
