package org.disclosureledger.projections.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.disclosureledger.core.access.HistoryAccessed;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDisputed;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.SuspensionLifted;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.projections.eventstore.LedgerEventTypes;
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

    // Non-JSON data (a checkpoint's signed note) is written as a JSON string, as docs/stream.md promises, not base64.
    private static final EventFormat FORMAT = new JsonFormat().withForceNonJsonDataToString();

    private final URI source;
    private final ObjectMapper json = LedgerSerializer.objectMapper(List.of());

    /** @param origin the ledger's origin ({@code ledger.checkpoint.origin}), every message's {@code source} */
    DisclosureMessages(String origin) {
        this.source = URI.create(origin);
    }

    /** The kind of message a stored event becomes; fails for anything that is not one of the ledger's events. */
    static StreamKind kindOf(Object payload) {
        return LedgerEventTypes.standard()
                .nameOf(payload.getClass())
                .flatMap(StreamKind::ofStoredEventName)
                .orElseThrow(() -> new IllegalStateException("no watchdog stream message is defined for events of type "
                        + payload.getClass().getName()));
    }

    /** The disclosure a stored event belongs to. */
    static String disclosureIdOf(Object payload) {
        if (payload instanceof HistoryAccessed e) {
            return e.accessId().value();
        } else if (payload instanceof DisclosureRecorded e) {
            return e.disclosureId().value();
        } else if (payload instanceof BulkDisclosureOpened e) {
            return e.disclosureId().value();
        } else if (payload instanceof BulkSubjectsAttached e) {
            return e.disclosureId().value();
        } else if (payload instanceof BulkDisclosureSealed e) {
            return e.disclosureId().value();
        } else if (payload instanceof DisclosureCorrected e) {
            return e.disclosureId().value();
        } else if (payload instanceof DisclosureDisputed e) {
            return e.disclosureId().value();
        } else if (payload instanceof DestructionRequested e) {
            return e.disclosureId().value();
        } else if (payload instanceof DestructionCertified e) {
            return e.disclosureId().value();
        } else if (payload instanceof SuspensionLifted e) {
            return e.disclosureId().value();
        } else if (payload instanceof DisclosureFlagged e) {
            return e.disclosureId().value();
        }
        throw new IllegalStateException(
                "not a disclosure event: " + payload.getClass().getName());
    }

    /**
     * The filter attributes an event sets for its disclosure: the first event's details, or a correction's corrected
     * details; empty for the follow-ons that leave them as they were.
     */
    static Optional<DisclosureFilter> filterSetBy(Object payload) {
        if (payload instanceof DisclosureRecorded e) {
            return Optional.of(DisclosureFilter.of(e.details()));
        } else if (payload instanceof BulkDisclosureOpened e) {
            return Optional.of(DisclosureFilter.of(e.details()));
        } else if (payload instanceof DisclosureCorrected e) {
            return Optional.of(DisclosureFilter.of(e.corrected()));
        }
        return Optional.empty();
    }

    /** A stored event's {@code data}: the fields docs/stream.md lists for its kind, and nothing else. */
    static Object dataOf(Object payload) {
        if (payload instanceof HistoryAccessed e) {
            return new StreamData.HistoryAccessed(
                    e.accessId(),
                    e.reader().subject(),
                    e.reader().role(),
                    e.record(),
                    e.purpose().text(),
                    e.accessedAt());
        } else if (payload instanceof DisclosureRecorded e) {
            return new StreamData.Recorded(
                    e.disclosureId(), e.recordedAt(), e.details(), e.subjects().size(), e.suspension());
        } else if (payload instanceof BulkDisclosureOpened e) {
            return new StreamData.BulkOpened(e.disclosureId(), e.recordedAt(), e.details(), e.suspension());
        } else if (payload instanceof BulkSubjectsAttached e) {
            return new StreamData.BulkSubjectsAttached(
                    e.disclosureId(),
                    e.chunkNumber(),
                    e.firstManifestIndex(),
                    e.subjects().size(),
                    e.chunkDigest(),
                    e.attachedAt());
        } else if (payload instanceof BulkDisclosureSealed e) {
            return new StreamData.BulkSealed(
                    e.disclosureId(), e.subjectCount(), e.chunkCount(), e.manifestRoot(), e.sealedAt());
        } else if (payload instanceof DisclosureCorrected e) {
            return new StreamData.Corrected(
                    e.disclosureId(),
                    e.correctionId(),
                    e.fields(),
                    e.superseded(),
                    e.corrected(),
                    e.reason(),
                    e.correctedAt());
        } else if (payload instanceof DisclosureDisputed e) {
            return new StreamData.Disputed(e.disclosureId(), e.disputeId(), e.disputedAt());
        } else if (payload instanceof DestructionRequested e) {
            return new StreamData.DestructionRequested(
                    e.disclosureId(), e.requestId(), e.requestedBy(), e.authority(), e.dueBy(), e.requestedAt());
        } else if (payload instanceof DestructionCertified e) {
            return new StreamData.DestructionCertified(
                    e.disclosureId(),
                    e.certificationId(),
                    e.requestId(),
                    e.certifiedBy(),
                    e.destroyedAt(),
                    e.method(),
                    e.certifiedAt());
        } else if (payload instanceof SuspensionLifted e) {
            return new StreamData.SuspensionLifted(
                    e.disclosureId(), e.liftId(), e.authority(), e.reason(), e.liftedAt());
        } else if (payload instanceof DisclosureFlagged e) {
            return new StreamData.Flagged(
                    e.disclosureId(),
                    e.correctionId(),
                    e.rulebookName(),
                    e.rulebookVersion(),
                    e.rulebookSha256(),
                    e.judgedAt(),
                    e.findings());
        }
        throw new IllegalStateException(
                "not a disclosure event: " + payload.getClass().getName());
    }

    /** Whether a stored event is a recorded read of a person's records rather than a disclosure's event. */
    static boolean isAccess(Object payload) {
        return payload instanceof HistoryAccessed;
    }

    /**
     * The message announcing a recorded read at its place in the ledger: like a disclosure event's, keyed and subjected
     * by the access id, without the filter attributes (a read is of no custodian, recipient or purpose).
     */
    CloudEvent accessEvent(StoredDisclosureEvent event, LedgerPosition position) {
        return withoutFilter(event, position).build();
    }

    /** The message announcing a stored disclosure event at its place in the ledger. */
    CloudEvent disclosureEvent(StoredDisclosureEvent event, LedgerPosition position, DisclosureFilter filter) {
        return withoutFilter(event, position)
                .withExtension(StreamAttributes.CUSTODIAN_STATE, filter.custodianState())
                .withExtension(StreamAttributes.RECIPIENT_AGENCY, filter.recipientAgency())
                .withExtension(StreamAttributes.PURPOSE, filter.purpose())
                .withExtension(StreamAttributes.DATA_CATEGORIES, filter.dataCategories())
                .build();
    }

    private CloudEventBuilder withoutFilter(StoredDisclosureEvent event, LedgerPosition position) {
        StreamKind kind = kindOf(event.payload());
        byte[] data;
        try {
            data = json.writeValueAsBytes(dataOf(event.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the data of event " + event.eventIdentifier(), e);
        }
        return CloudEventBuilder.v1()
                .withId(event.eventIdentifier())
                .withSource(source)
                .withType(kind.type())
                .withSubject(disclosureIdOf(event.payload()))
                .withTime(event.storedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withDataSchema(URI.create(kind.dataSchema()))
                .withExtension(StreamAttributes.LEDGER_INDEX, integer(position.ledgerIndex()))
                .withExtension(StreamAttributes.LEAF_HASH, HexFormat.of().formatHex(position.leafHash()))
                .withExtension(StreamAttributes.DISCLOSURE_SEQUENCE, integer(event.sequenceNumber()))
                .withData(data);
    }

    /** The message announcing a signed checkpoint: its signed note, as served by the API. */
    CloudEvent checkpoint(long treeSize, String signedNote, Instant signedAt) {
        return CloudEventBuilder.v1()
                .withId("checkpoint-" + treeSize)
                .withSource(source)
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
