package org.disclosureledger.projections.investigation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.disclosureledger.projections.integrity.LedgerStore.StoredCheckpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code investigation} table: definitions, states, progress and reports, so they survive a restart. */
final class InvestigationStore {

    /** A stored investigation. */
    record Row(
            InvestigationId id,
            InvestigationDefinition definition,
            InvestigationState state,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            long eventsTotal,
            long eventsRead,
            String failure,
            long treeSize,
            String reportSha256) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate ownTransaction;

    InvestigationStore(JdbcTemplate jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores a new investigation, queued on the node {@code nodeId}. */
    void add(InvestigationId id, InvestigationDefinition definition, long treeSize, Instant createdAt, String nodeId) {
        jdbc.update(
                "insert into investigation (investigation_id, definition, status, created_at, tree_size, events_total,"
                        + " node_id, heartbeat_at) values (?, ?, 'QUEUED', ?, ?, ?, ?, ?)",
                id.value(),
                write(definition),
                Timestamp.from(createdAt),
                treeSize,
                treeSize,
                nodeId,
                Timestamp.from(createdAt));
    }

    /** The node {@code nodeId} is alive: its queued and running investigations are not abandoned. */
    void heartbeat(String nodeId, Instant at) {
        ownTransaction.executeWithoutResult(s -> jdbc.update(
                "update investigation set heartbeat_at = ? where node_id = ? and status in ('QUEUED', 'RUNNING')",
                Timestamp.from(at),
                nodeId));
    }

    /** Removes an investigation that was refused before it was queued. */
    void forget(InvestigationId id) {
        jdbc.update("delete from investigation where investigation_id = ? and status = 'QUEUED'", id.value());
    }

    void started(InvestigationId id, Instant at) {
        jdbc.update(
                "update investigation set status = 'RUNNING', started_at = ? where investigation_id = ?",
                Timestamp.from(at),
                id.value());
    }

    /** Records progress; called from inside the replay's read-only transaction, so it commits in its own. */
    void progressed(InvestigationId id, long eventsRead) {
        ownTransaction.executeWithoutResult(s -> jdbc.update(
                "update investigation set events_read = ? where investigation_id = ?", eventsRead, id.value()));
    }

    void done(InvestigationId id, long eventsRead, byte[] report, String sha256, Instant at) {
        jdbc.update(
                "update investigation set status = 'DONE', events_read = ?, report = ?, report_sha256 = ?,"
                        + " finished_at = ? where investigation_id = ?",
                eventsRead,
                report,
                sha256,
                Timestamp.from(at),
                id.value());
    }

    void ended(InvestigationId id, InvestigationState state, String failure, Instant at) {
        jdbc.update(
                "update investigation set status = ?, failure = ?, finished_at = ? where investigation_id = ?",
                state.name(),
                failure,
                Timestamp.from(at),
                id.value());
    }

    /**
     * Marks interrupted the investigations left queued or running by a node that stopped: another node than
     * {@code nodeId} whose last heartbeat is before {@code abandonedBefore}, or none (rows from before nodes were
     * recorded). Another node's live investigations are left alone.
     */
    int interruptAbandoned(String nodeId, Instant abandonedBefore, Instant at) {
        return ownTransaction.execute(s -> jdbc.update(
                "update investigation set status = 'INTERRUPTED', finished_at = ?,"
                        + " failure = 'the ledger stopped before the investigation finished; start it again'"
                        + " where status in ('QUEUED', 'RUNNING') and (node_id is null"
                        + " or (node_id <> ? and (heartbeat_at is null or heartbeat_at < ?)))",
                Timestamp.from(at),
                nodeId,
                Timestamp.from(abandonedBefore)));
    }

    Optional<Row> find(InvestigationId id) {
        return jdbc
                .query(
                        "select investigation_id, definition, status, created_at, started_at, finished_at,"
                                + " events_total, events_read, failure, tree_size, report_sha256"
                                + " from investigation where investigation_id = ?",
                        (rs, n) -> row(rs),
                        id.value())
                .stream()
                .findFirst();
    }

    Optional<byte[]> report(InvestigationId id) {
        return jdbc
                .query(
                        "select report from investigation where investigation_id = ? and status = 'DONE'",
                        (rs, n) -> rs.getBytes(1),
                        id.value())
                .stream()
                .findFirst();
    }

    /** The latest checkpoint signed at or before an instant. */
    Optional<StoredCheckpoint> checkpointSignedBy(Instant instant) {
        return jdbc
                .query(
                        "select tree_size, root_hash, signed_note, signed_at from ledger_checkpoint"
                                + " where signed_at <= ? order by tree_size desc limit 1",
                        (rs, n) -> new StoredCheckpoint(
                                rs.getLong(1),
                                rs.getBytes(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()),
                        Timestamp.from(instant))
                .stream()
                .findFirst();
    }

    private Row row(ResultSet rs) throws SQLException {
        try {
            return new Row(
                    new InvestigationId(rs.getString(1)),
                    json.readValue(rs.getString(2), InvestigationDefinition.class),
                    InvestigationState.valueOf(rs.getString(3)),
                    instant(rs.getTimestamp(4)),
                    instant(rs.getTimestamp(5)),
                    instant(rs.getTimestamp(6)),
                    rs.getLong(7),
                    rs.getLong(8),
                    rs.getString(9),
                    rs.getLong(10),
                    rs.getString(11));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored investigation " + rs.getString(1) + " cannot be read", e);
        }
    }

    private String write(InvestigationDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an investigation definition could not be written", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
