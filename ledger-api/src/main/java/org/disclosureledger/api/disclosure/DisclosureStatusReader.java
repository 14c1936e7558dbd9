package org.disclosureledger.api.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureDisputed;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.Suspension;
import org.disclosureledger.core.disclosure.SuspensionLifted;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads one disclosure's events straight from the event store and folds them into a {@link DisclosureStatus}. A bulk
 * disclosure's chunk events are counted in SQL and never loaded, so the answer costs the same for ten subjects or ten
 * million.
 */
@Component
class DisclosureStatusReader {

    private static final String CHUNK_TYPE = "BulkSubjectsAttached";
    private static final String LIFTED_TYPE = "SuspensionLifted";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    DisclosureStatusReader(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    Optional<DisclosureStatus> read(DisclosureId id) {
        List<Stored> events = jdbc.query("""
                select sequence_number, payload_type, payload_revision, time_stamp, payload
                from domain_event_entry
                where aggregate_identifier = ? and payload_type <> ?
                order by sequence_number""", STORED, id.value(), CHUNK_TYPE);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Fold fold = new Fold();
        for (Stored stored : events) {
            fold.apply(stored, deserialize(stored));
        }
        if (fold.kind.equals("BULK") && fold.status.equals("OPEN")) {
            fold.chunkCount = jdbc.queryForObject(
                    "select count(*) from domain_event_entry" + " where aggregate_identifier = ? and payload_type = ?",
                    Integer.class,
                    id.value(),
                    CHUNK_TYPE);
            fold.subjectCount = jdbc.queryForObject("""
                    select coalesce(max((p->>'firstManifestIndex')::bigint + jsonb_array_length(p->'subjects')), 0)
                    from (select convert_from(payload, 'UTF8')::jsonb as p from domain_event_entry
                          where aggregate_identifier = ? and payload_type = ?
                          order by sequence_number desc limit 1) last_chunk""", Long.class, id.value(), CHUNK_TYPE);
        }
        return Optional.of(new DisclosureStatus(
                id.value(),
                fold.kind,
                fold.status,
                fold.recordedAt,
                fold.details,
                fold.suspension,
                fold.suspensionLifted,
                fold.subjectCount,
                fold.chunkCount,
                fold.manifestRoot,
                fold.history));
    }

    /**
     * The custodian state of a disclosure, from the event that recorded or opened it (the custodian cannot be
     * corrected); empty when no disclosure has the id.
     */
    Optional<StateCode> custodianState(DisclosureId id) {
        Object event = firstEvent(id).orElse(null);
        if (event instanceof DisclosureRecorded recorded) {
            return Optional.of(recorded.details().custodian().state());
        }
        if (event instanceof BulkDisclosureOpened opened) {
            return Optional.of(opened.details().custodian().state());
        }
        return Optional.empty();
    }

    /**
     * Whether the disclosure's subjects may not yet be told of it: it was recorded with a suspension whose date is
     * after {@code today}, and no lift followed. False when no disclosure has the id.
     */
    boolean withheldFromSubjects(DisclosureId id, LocalDate today) {
        Object event = firstEvent(id).orElse(null);
        Suspension suspension = event instanceof DisclosureRecorded recorded
                ? recorded.suspension()
                : event instanceof BulkDisclosureOpened opened ? opened.suspension() : null;
        if (suspension == null || !suspension.until().isAfter(today)) {
            return false;
        }
        Integer lifts = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                Integer.class,
                id.value(),
                LIFTED_TYPE);
        return lifts == null || lifts == 0;
    }

    /** Whether the id's event 0 is not a disclosure's: another kind of entry (a recorded read) holds the id. */
    boolean heldByAnotherEntry(DisclosureId id) {
        return firstEvent(id)
                .filter(event -> !(event instanceof DisclosureRecorded) && !(event instanceof BulkDisclosureOpened))
                .isPresent();
    }

    /** The event that recorded or opened the disclosure (its event 0); empty when nothing has the id. */
    private Optional<Object> firstEvent(DisclosureId id) {
        return jdbc.query("""
                        select sequence_number, payload_type, payload_revision, time_stamp, payload
                        from domain_event_entry
                        where aggregate_identifier = ? and sequence_number = 0""", STORED, id.value()).stream().findFirst().map(this::deserialize);
    }

    private Object deserialize(Stored stored) {
        return serializer.deserialize(
                new SimpleSerializedObject<>(stored.payload(), byte[].class, stored.type(), stored.revision()));
    }

    private record Stored(long sequence, String type, String revision, Instant at, byte[] payload) {}

    /** Reads {@code sequence_number, payload_type, payload_revision, time_stamp, payload}, in that order. */
    private static final RowMapper<Stored> STORED = (rs, n) ->
            new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)), rs.getBytes(5));

    /** The running state while the events are read in order. */
    private static final class Fold {
        String kind = "SINGLE";
        String status = "RECORDED";
        Instant recordedAt;
        DisclosureDetails details;
        Suspension suspension;
        boolean suspensionLifted;
        long subjectCount;
        Integer chunkCount;
        String manifestRoot;
        final List<DisclosureStatus.Entry> history = new ArrayList<>();

        void apply(Stored stored, Object event) {
            String followOnId = null;
            if (event instanceof DisclosureRecorded e) {
                recordedAt = e.recordedAt();
                details = e.details();
                suspension = e.suspension();
                subjectCount = e.subjects().size();
            } else if (event instanceof BulkDisclosureOpened e) {
                kind = "BULK";
                status = "OPEN";
                recordedAt = e.recordedAt();
                details = e.details();
                suspension = e.suspension();
            } else if (event instanceof BulkDisclosureSealed e) {
                status = "SEALED";
                subjectCount = e.subjectCount();
                chunkCount = e.chunkCount();
                manifestRoot = e.manifestRoot();
            } else if (event instanceof DisclosureCorrected e) {
                details = e.corrected();
                followOnId = e.correctionId().value();
            } else if (event instanceof DisclosureDisputed e) {
                followOnId = e.disputeId().value();
            } else if (event instanceof DestructionRequested e) {
                followOnId = e.requestId().value();
            } else if (event instanceof DestructionCertified e) {
                followOnId = e.certificationId().value();
            } else if (event instanceof SuspensionLifted e) {
                suspensionLifted = true;
                followOnId = e.liftId().value();
            }
            history.add(new DisclosureStatus.Entry(stored.sequence(), stored.type(), stored.at(), followOnId));
        }
    }
}
