package org.disclosureledger.projections.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.projections.eventstore.LedgerSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one person's accounting of disclosures from the person-history tables: the entries of the last six years by
 * default (or another window), or the whole history, newest first and a page at a time.
 *
 * <p>An entry whose suspension is in force on the day of reading (its date not reached, and not lifted) is returned
 * as a {@link WithheldEntry}: only the date it ends and the authority for it. Withheld entries are listed first and
 * always, whatever the window, so that neither their place in the list nor their presence in it tells when they
 * happened. Days are UTC days, as the ledger judges suspensions. One page is read with one SQL statement, so it is a
 * consistent snapshot.
 */
public class PersonHistoryQueries {

    /** The window shown unless the whole history is asked for: six years, as HIPAA's accounting of disclosures. */
    public static final Period DEFAULT_WINDOW = Period.ofYears(6);

    private static final String ORDER = """
            withheld DESC, CASE WHEN withheld THEN suspended_until END,
            CASE WHEN withheld THEN NULL ELSE occurred_at END DESC, disclosure_id DESC""";

    // Parameters: today, person, whole history, since, limit, offset, then the person again for their disputes.
    private static final String PAGE = """
            WITH mine AS (
                SELECT d.*, s.subject_index,
                       coalesce(d.suspended_until > ? AND d.suspension_lifted_at IS NULL, false) AS withheld
                FROM history_subject s
                JOIN history_disclosure d ON d.disclosure_id = s.disclosure_id
                WHERE s.person_ref = ?
            ), shown AS (
                SELECT * FROM mine WHERE withheld OR ? OR occurred_at >= ?
            ), page AS (
                SELECT * FROM shown ORDER BY %1$s LIMIT ? OFFSET ?
            )
            SELECT (SELECT count(*) FROM shown) AS total, page.*,
                (SELECT jsonb_agg(jsonb_build_object('id', c.correction_id, 'fields', c.fields,
                            'superseded', c.superseded, 'corrected', c.corrected, 'reason', c.reason,
                            'at', c.corrected_at) ORDER BY c.sequence_number)
                 FROM history_correction c
                 WHERE NOT page.withheld AND c.disclosure_id = page.disclosure_id) AS corrections,
                (SELECT jsonb_agg(jsonb_build_object('id', p.dispute_id, 'statement', p.statement,
                            'at', p.disputed_at) ORDER BY p.sequence_number)
                 FROM history_dispute p
                 WHERE NOT page.withheld AND p.person_ref = ? AND p.disclosure_id = page.disclosure_id) AS disputes,
                (SELECT jsonb_agg(jsonb_build_object('id', r.request_id, 'requestedBy', r.requested_by,
                            'authority', r.authority, 'dueBy', r.due_by, 'at', r.requested_at)
                            ORDER BY r.sequence_number)
                 FROM history_destruction_request r
                 WHERE NOT page.withheld AND r.disclosure_id = page.disclosure_id) AS destruction_requests,
                (SELECT jsonb_agg(jsonb_build_object('id', x.certification_id, 'requestId', x.request_id,
                            'certifiedBy', x.certified_by, 'destroyedAt', x.destroyed_at, 'method', x.method,
                            'at', x.certified_at) ORDER BY x.sequence_number)
                 FROM history_destruction_certification x
                 WHERE NOT page.withheld AND x.disclosure_id = page.disclosure_id) AS destruction_certifications,
                (SELECT jsonb_build_object('rulebookName', f.rulebook_name, 'rulebookVersion', f.rulebook_version,
                            'rulebookSha256', f.rulebook_sha256, 'judgedAt', f.judged_at, 'findings', f.findings)
                 FROM history_finding_set f
                 WHERE NOT page.withheld AND f.disclosure_id = page.disclosure_id) AS judgement
            FROM (SELECT 1) AS one
            LEFT JOIN page ON true
            ORDER BY %1$s""".formatted(ORDER);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Period window;
    private final ObjectMapper json = LedgerSerializer.objectMapper(List.of());

    /** Queries over the default window of {@link #DEFAULT_WINDOW}, judging "today" by the given clock. */
    public PersonHistoryQueries(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, DEFAULT_WINDOW);
    }

    /**
     * Queries over another default window.
     *
     * @param window how far back a history reaches unless the whole history is asked for
     */
    public PersonHistoryQueries(JdbcTemplate jdbc, Clock clock, Period window) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the history window must be a positive period, not " + window);
        }
    }

    /** One page of the person's history, as the person may see it today. */
    public HistoryPage historyOf(HistoryRequest request) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate since = request.wholeHistory() ? null : today.minus(window);
        byte[] person = request.person().bytes();
        List<HistoryEntry> entries = new ArrayList<>();
        long[] total = {0};
        jdbc.query(
                PAGE,
                statement -> {
                    statement.setObject(1, today, Types.DATE);
                    statement.setBytes(2, person);
                    statement.setBoolean(3, request.wholeHistory());
                    DetailsColumns.setInstant(
                            statement,
                            4,
                            since == null
                                    ? Instant.EPOCH
                                    : since.atStartOfDay(ZoneOffset.UTC).toInstant());
                    statement.setInt(5, request.pageSize());
                    statement.setLong(6, (long) request.page() * request.pageSize());
                    statement.setBytes(7, person);
                },
                row -> {
                    total[0] = row.getLong("total");
                    if (row.getString("disclosure_id") != null) {
                        entries.add(entry(row));
                    }
                });
        return new HistoryPage(entries, request.page(), request.pageSize(), total[0], today, since);
    }

    private HistoryEntry entry(ResultSet row) throws SQLException {
        if (row.getBoolean("withheld")) {
            return new WithheldEntry(
                    row.getObject("suspended_until", LocalDate.class), row.getString("suspension_authority"));
        }
        DisclosureKind kind = DisclosureKind.valueOf(row.getString("kind"));
        return new VisibleEntry(
                new DisclosureId(row.getString("disclosure_id")),
                kind,
                RecordingStatus.valueOf(row.getString("status")),
                DetailsColumns.instant(row, "recorded_at"),
                DetailsColumns.read(row),
                row.getLong("subject_index"),
                row.getLong("subject_count"),
                kind == DisclosureKind.BULK ? row.getInt("chunk_count") : null,
                row.getString("manifest_root"),
                DetailsColumns.instant(row, "sealed_at"),
                endedSuspension(row),
                list(row, "corrections", this::correction),
                list(
                        row,
                        "disputes",
                        node -> new Dispute(
                                new FollowOnId(node.get("id").asText()),
                                node.get("statement").asText(),
                                at(node, "at"))),
                list(
                        row,
                        "destruction_requests",
                        node -> new DestructionRequest(
                                new FollowOnId(node.get("id").asText()),
                                node.get("requestedBy").asText(),
                                node.get("authority").asText(),
                                node.get("dueBy").isNull()
                                        ? null
                                        : LocalDate.parse(node.get("dueBy").asText()),
                                at(node, "at"))),
                list(
                        row,
                        "destruction_certifications",
                        node -> new DestructionCertification(
                                new FollowOnId(node.get("id").asText()),
                                node.get("requestId").isNull()
                                        ? null
                                        : new FollowOnId(node.get("requestId").asText()),
                                node.get("certifiedBy").asText(),
                                at(node, "destroyedAt"),
                                node.get("method").asText(),
                                at(node, "at"))),
                judgement(row.getString("judgement")));
    }

    private Judgement judgement(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(text);
            List<Finding> findings = new ArrayList<>();
            node.get("findings")
                    .forEach(f -> findings.add(new Finding(
                            f.get("ruleId").asText(),
                            Severity.valueOf(f.get("severity").asText()),
                            f.get("explanation").asText())));
            return new Judgement(
                    node.get("rulebookName").asText(),
                    node.get("rulebookVersion").asText(),
                    node.get("rulebookSha256").asText(),
                    at(node, "judgedAt"),
                    findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned a judgement that is not JSON", e);
        }
    }

    private static EndedSuspension endedSuspension(ResultSet row) throws SQLException {
        LocalDate until = row.getObject("suspended_until", LocalDate.class);
        if (until == null) {
            return null;
        }
        String liftId = row.getString("suspension_lift_id");
        return new EndedSuspension(
                until,
                row.getString("suspension_authority"),
                liftId == null ? null : new FollowOnId(liftId),
                DetailsColumns.instant(row, "suspension_lifted_at"),
                row.getString("suspension_lift_authority"),
                row.getString("suspension_lift_reason"));
    }

    private Correction correction(JsonNode node) {
        List<CorrectableField> fields = new ArrayList<>();
        node.get("fields").forEach(field -> fields.add(CorrectableField.valueOf(field.asText())));
        return new Correction(
                new FollowOnId(node.get("id").asText()),
                fields,
                details(node.get("superseded")),
                details(node.get("corrected")),
                node.get("reason").asText(),
                at(node, "at"));
    }

    private DisclosureDetails details(JsonNode node) {
        try {
            return json.treeToValue(node, DisclosureDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a correction in the person history holds details this version cannot"
                            + " read; rebuild the person history",
                    e);
        }
    }

    private <T> List<T> list(ResultSet row, String column, Function<JsonNode, T> element) throws SQLException {
        String text = row.getString(column);
        if (text == null) {
            return List.of();
        }
        try {
            List<T> elements = new ArrayList<>();
            json.readTree(text).forEach(node -> elements.add(element.apply(node)));
            return elements;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned " + column + " that is not JSON", e);
        }
    }

    /** PostgreSQL writes a timestamptz in JSON with an offset, such as {@code 2025-06-20T08:00:00+00:00}. */
    private static Instant at(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asText()).toInstant();
    }
}
