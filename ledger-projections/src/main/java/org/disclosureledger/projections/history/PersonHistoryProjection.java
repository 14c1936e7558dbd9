package org.disclosureledger.projections.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureDisputed;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.Suspension;
import org.disclosureledger.core.disclosure.SuspensionLifted;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.batch.HeldEvents;
import org.disclosureledger.projections.eventstore.LedgerSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Builds the person-history tables from the ledger's events, so that each enrollee's disclosures can be listed.
 *
 * <p>Every handler may see its event again (a redelivery, or a replay over existing rows) and leaves the tables as
 * they were: rows are inserted only if absent, and the disclosure row is only changed by an event with a higher
 * sequence number than the last one applied to it ({@code applied_sequence}). The rows a batch writes are those of
 * its own events' disclosures, and Axon keeps one disclosure's events in order within one segment, so the segments of
 * the pooled processor never write the same row concurrently. Handlers expect to run inside an Axon unit of work and
 * its transaction, as Axon's event processors run them: the disclosure row and its subjects are written together or
 * not at all.
 *
 * <p>A batch's single disclosures are held and written together ({@link HeldEvents}): before the batch commits, or
 * before a handler that reads or changes disclosure rows (a correction, a lifted suspension, a bulk disclosure's
 * events), since its event may follow one of them. The other follow-ons (a flag, a dispute, a destruction request or
 * certification) write only rows of their own tables, which need no disclosure row, and leave the held ones waiting.
 */
@ProcessingGroup(PersonHistoryProjection.PROCESSING_GROUP)
public class PersonHistoryProjection {

    /** The processing group, and the name of the event processor that runs it. */
    public static final String PROCESSING_GROUP = "person-history";

    /** The read-model tables, all emptied by a rebuild. */
    static final List<String> TABLES = List.of(
            "history_disclosure",
            "history_subject",
            "history_correction",
            "history_dispute",
            "history_destruction_request",
            "history_destruction_certification",
            "history_finding_set",
            "manifest_block");

    /** The columns a disclosure's first event sets, in the order {@link DisclosureRow#bind} sets them. */
    private static final List<String> DISCLOSURE_COLUMNS = Stream.concat(
                    Stream.of(
                            "disclosure_id",
                            "kind",
                            "status",
                            "recorded_at",
                            "suspended_until",
                            "suspension_authority",
                            "subject_count",
                            "chunk_count",
                            "applied_sequence"),
                    DetailsColumns.NAMES.stream())
            .toList();

    /** The parameters of a row of {@link #insertDisclosures}. */
    private static final String DISCLOSURE_ROW =
            "(" + String.join(", ", Collections.nCopies(DISCLOSURE_COLUMNS.size(), "?")) + ")";

    /**
     * The most disclosure rows inserted by one statement: 2,900 parameters; the driver allows 65,535, about 2,250
     * rows, and a batch may hold more (its size is a setting).
     */
    static final int MOST_ROWS_PER_INSERT = 100;

    private static final String CORRECT_DISCLOSURE = "UPDATE history_disclosure SET "
            + DetailsColumns.NAMES.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + ", applied_sequence = ? WHERE disclosure_id = ? AND applied_sequence < ?";

    private final JdbcTemplate jdbc;
    private final SubjectWriter subjects;
    private final ManifestBlocks manifestBlocks;
    private final ObjectMapper json = LedgerSerializer.objectMapper(List.of());
    private final HeldEvents<Recorded> recordings = new HeldEvents<>(
            PersonHistoryProjection.class.getName() + ".recordings", MOST_ROWS_PER_INSERT, this::writeRecorded);

    /**
     * A projection writing through the given template; its data source is the ledger's PostgreSQL database with the
     * {@code V3__person_history} tables.
     */
    public PersonHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.subjects = new SubjectWriter(jdbc);
        this.manifestBlocks = new ManifestBlocks(jdbc);
    }

    /**
     * A disclosure recorded whole: its row, and a row for each subject. Held until the batch commits or handles an
     * event that reads or changes disclosure rows, and written with the batch's other single disclosures: two
     * statements for up to {@value #MOST_ROWS_PER_INSERT} of them, where each took two of its own
     * ({@code docs/decisions.md}, "A batch's single disclosures are written together").
     */
    @EventHandler
    public void on(DisclosureRecorded event, @SequenceNumber long sequence) {
        recordings.hold(new Recorded(event, sequence));
    }

    /** A bulk disclosure opened: its row, with no subjects yet. */
    @EventHandler
    public void on(BulkDisclosureOpened event, @SequenceNumber long sequence) {
        recordings.writeHeld();
        insertDisclosures(List.of(new DisclosureRow(
                event.disclosureId(),
                DisclosureKind.BULK,
                RecordingStatus.OPEN,
                event.recordedAt(),
                event.details(),
                event.suspension(),
                0,
                sequence)));
    }

    /** A chunk of a bulk disclosure's subjects: a row for each, written in one go. */
    @EventHandler
    public void on(BulkSubjectsAttached event, @SequenceNumber long sequence) {
        recordings.writeHeld();
        long attached = event.firstManifestIndex() + event.subjects().size();
        boolean applied = changeDisclosure(
                event.disclosureId(), sequence, "subject_count = ?, chunk_count = ?", attached, event.chunkNumber());
        if (applied) {
            subjects.write(event.disclosureId(), event.firstManifestIndex(), event.subjects());
            manifestBlocks.write(event.disclosureId(), event.firstManifestIndex(), event.subjects());
        }
    }

    /** A bulk disclosure sealed: its final count and manifest root. */
    @EventHandler
    public void on(BulkDisclosureSealed event, @SequenceNumber long sequence) {
        recordings.writeHeld();
        changeDisclosure(
                event.disclosureId(),
                sequence,
                "status = 'SEALED', subject_count = ?, chunk_count = ?, manifest_root = ?, sealed_at = ?",
                event.subjectCount(),
                event.chunkCount(),
                event.manifestRoot(),
                utc(event.sealedAt()));
    }

    /** A correction: the disclosure row takes the corrected details; the correction keeps both versions. */
    @EventHandler
    public void on(DisclosureCorrected event, @SequenceNumber long sequence) {
        recordings.writeHeld();
        int changed = jdbc.update(CORRECT_DISCLOSURE, statement -> {
            int next = DetailsColumns.bind(statement, 1, event.corrected());
            statement.setLong(next++, sequence);
            statement.setString(next++, event.disclosureId().value());
            statement.setLong(next, sequence);
        });
        requireAppliedOrKnown(event.disclosureId(), changed);
        // The corrected details are judged again; a judgement of the details before this correction no longer holds.
        jdbc.update(
                "DELETE FROM history_finding_set WHERE disclosure_id = ? AND sequence_number < ?",
                event.disclosureId().value(),
                sequence);
        jdbc.update("""
                INSERT INTO history_correction (disclosure_id, correction_id, sequence_number, fields, superseded,
                    corrected, reason, corrected_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                ON CONFLICT (disclosure_id, correction_id) DO NOTHING""", statement -> {
            statement.setString(1, event.disclosureId().value());
            statement.setString(2, event.correctionId().value());
            statement.setLong(3, sequence);
            statement.setArray(
                    4,
                    DetailsColumns.textArray(
                            statement, event.fields().stream().map(Enum::name).toList()));
            statement.setString(5, toJson(event.superseded()));
            statement.setString(6, toJson(event.corrected()));
            statement.setString(7, event.reason());
            DetailsColumns.setInstant(statement, 8, event.correctedAt());
        });
    }

    /**
     * The rulebook's findings: the latest judgement of the disclosure replaces any earlier one. A judgement from
     * before a correction already handled is of details that no longer hold (the correction deleted it), so handling
     * it again writes nothing.
     */
    @EventHandler
    public void on(DisclosureFlagged event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO history_finding_set (disclosure_id, sequence_number, correction_id, rulebook_name,
                    rulebook_version, rulebook_sha256, judged_at, findings)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?::jsonb
                WHERE NOT EXISTS (SELECT 1 FROM history_correction c
                    WHERE c.disclosure_id = ? AND c.sequence_number > ?)
                ON CONFLICT (disclosure_id) DO UPDATE SET sequence_number = EXCLUDED.sequence_number,
                    correction_id = EXCLUDED.correction_id, rulebook_name = EXCLUDED.rulebook_name,
                    rulebook_version = EXCLUDED.rulebook_version, rulebook_sha256 = EXCLUDED.rulebook_sha256,
                    judged_at = EXCLUDED.judged_at, findings = EXCLUDED.findings
                WHERE history_finding_set.sequence_number < EXCLUDED.sequence_number""", statement -> {
            statement.setString(1, event.disclosureId().value());
            statement.setLong(2, sequence);
            statement.setString(
                    3,
                    event.correctionId() == null ? null : event.correctionId().value());
            statement.setString(4, event.rulebookName());
            statement.setString(5, event.rulebookVersion());
            statement.setString(6, event.rulebookSha256());
            DetailsColumns.setInstant(statement, 7, event.judgedAt());
            statement.setString(8, toJson(event.findings()));
            statement.setString(9, event.disclosureId().value());
            statement.setLong(10, sequence);
        });
    }

    /** A dispute, kept with the person who made it; only they will see it. */
    @EventHandler
    public void on(DisclosureDisputed event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO history_dispute (disclosure_id, dispute_id, sequence_number, person_ref, statement,
                    disputed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (disclosure_id, dispute_id) DO NOTHING""", statement -> {
            statement.setString(1, event.disclosureId().value());
            statement.setString(2, event.disputeId().value());
            statement.setLong(3, sequence);
            statement.setBytes(4, event.subject().bytes());
            statement.setString(5, event.statement());
            DetailsColumns.setInstant(statement, 6, event.disputedAt());
        });
    }

    /** A destruction request. */
    @EventHandler
    public void on(DestructionRequested event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO history_destruction_request (disclosure_id, request_id, sequence_number, requested_by,
                    authority, due_by, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (disclosure_id, request_id) DO NOTHING""", statement -> {
            statement.setString(1, event.disclosureId().value());
            statement.setString(2, event.requestId().value());
            statement.setLong(3, sequence);
            statement.setString(4, event.requestedBy());
            statement.setString(5, event.authority());
            statement.setObject(6, event.dueBy(), Types.DATE);
            DetailsColumns.setInstant(statement, 7, event.requestedAt());
        });
    }

    /** A certification that the recipient destroyed the data. */
    @EventHandler
    public void on(DestructionCertified event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO history_destruction_certification (disclosure_id, certification_id, sequence_number,
                    request_id, certified_by, destroyed_at, method, certified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (disclosure_id, certification_id) DO NOTHING""", statement -> {
            statement.setString(1, event.disclosureId().value());
            statement.setString(2, event.certificationId().value());
            statement.setLong(3, sequence);
            statement.setString(4, valueOf(event.requestId()));
            statement.setString(5, event.certifiedBy());
            DetailsColumns.setInstant(statement, 6, event.destroyedAt());
            statement.setString(7, event.method());
            DetailsColumns.setInstant(statement, 8, event.certifiedAt());
        });
    }

    /** A suspension lifted before its date: the entry is shown in full from now on. */
    @EventHandler
    public void on(SuspensionLifted event, @SequenceNumber long sequence) {
        recordings.writeHeld();
        changeDisclosure(
                event.disclosureId(),
                sequence,
                "suspension_lift_id = ?, suspension_lifted_at = ?, suspension_lift_authority = ?,"
                        + " suspension_lift_reason = ?",
                event.liftId().value(),
                utc(event.liftedAt()),
                event.authority(),
                event.reason());
    }

    /** Before a rebuild replays the event store: empties every person-history table. */
    @ResetHandler
    public void onReset() {
        jdbc.execute("TRUNCATE " + String.join(", ", TABLES));
    }

    /**
     * Writes single disclosures the batch held: their rows, and the subjects of those whose rows were not there yet (a
     * redelivered event finds its row and writes nothing).
     */
    private void writeRecorded(List<Recorded> recorded) {
        Set<String> inserted = insertDisclosures(recorded.stream()
                .map(r -> new DisclosureRow(
                        r.event().disclosureId(),
                        DisclosureKind.SINGLE,
                        RecordingStatus.RECORDED,
                        r.event().recordedAt(),
                        r.event().details(),
                        r.event().suspension(),
                        r.event().subjects().size(),
                        r.sequence()))
                .toList());
        Map<DisclosureId, List<PersonRef>> listings = new LinkedHashMap<>();
        for (Recorded r : recorded) {
            // Removed once found: a disclosure held twice (delivered twice in one batch) is listed once.
            if (inserted.remove(r.event().disclosureId().value())) {
                listings.put(r.event().disclosureId(), r.event().subjects());
            }
        }
        subjects.writeEach(listings);
    }

    /** Inserts the disclosures' rows in one statement, skipping those already there; returns the ids inserted. */
    private Set<String> insertDisclosures(List<DisclosureRow> rows) {
        String sql = "INSERT INTO history_disclosure (" + String.join(", ", DISCLOSURE_COLUMNS) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), DISCLOSURE_ROW))
                + " ON CONFLICT (disclosure_id) DO NOTHING RETURNING disclosure_id";
        Set<String> inserted = new HashSet<>();
        jdbc.query(
                sql,
                statement -> {
                    int next = 1;
                    for (DisclosureRow row : rows) {
                        next = row.bind(statement, next);
                    }
                },
                (RowCallbackHandler) result -> inserted.add(result.getString(1)));
        return inserted;
    }

    /**
     * Sets columns of a disclosure's row unless the row already reflects this event or a later one; tells whether it
     * did.
     */
    private boolean changeDisclosure(DisclosureId id, long sequence, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = sequence;
        arguments[values.length + 1] = id.value();
        arguments[values.length + 2] = sequence;
        int changed = jdbc.update(
                "UPDATE history_disclosure SET " + assignments
                        + ", applied_sequence = ? WHERE disclosure_id = ? AND applied_sequence < ?",
                arguments);
        requireAppliedOrKnown(id, changed);
        return changed == 1;
    }

    /**
     * A follow-on finds no row for its disclosure only if the tables were emptied without rewinding the processor;
     * failing here (and so retrying, not skipping) keeps the history from silently missing subjects or details.
     */
    private void requireAppliedOrKnown(DisclosureId id, int changed) {
        if (changed == 0
                && jdbc.queryForList(
                                "SELECT 1 FROM history_disclosure WHERE disclosure_id = ?", Integer.class, id.value())
                        .isEmpty()) {
            throw new IllegalStateException("the person history has no row for disclosure " + id + ", although an"
                    + " event follows its first one; its tables were emptied without a rebuild, see"
                    + " PersonHistoryRebuild");
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String valueOf(FollowOnId id) {
        return id == null ? null : id.value();
    }

    /** A single disclosure's event, held until the batch writes it. */
    private record Recorded(DisclosureRecorded event, long sequence) {}

    /** A disclosure's row as its first event makes it. */
    private record DisclosureRow(
            DisclosureId id,
            DisclosureKind kind,
            RecordingStatus status,
            Instant recordedAt,
            DisclosureDetails details,
            Suspension suspension,
            long subjectCount,
            long sequence) {

        /** Sets the row's parameters from {@code first} on; returns the index of the next parameter. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            int i = first;
            statement.setString(i++, id.value());
            statement.setString(i++, kind.name());
            statement.setString(i++, status.name());
            DetailsColumns.setInstant(statement, i++, recordedAt);
            LocalDate until = suspension == null ? null : suspension.until();
            statement.setObject(i++, until, Types.DATE);
            statement.setString(i++, suspension == null ? null : suspension.authority());
            statement.setLong(i++, subjectCount);
            if (kind == DisclosureKind.BULK) {
                statement.setInt(i++, 0);
            } else {
                statement.setNull(i++, Types.INTEGER);
            }
            statement.setLong(i++, sequence);
            return DetailsColumns.bind(statement, i, details);
        }
    }
}
