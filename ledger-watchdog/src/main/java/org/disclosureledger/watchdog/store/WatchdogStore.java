package org.disclosureledger.watchdog.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.watchdog.stream.DisclosureMessage;
import org.disclosureledger.watchdog.stream.FindingMessage;

/**
 * The watchdog's local store (see the package summary). Single-threaded: one connection, changes are visible to this
 * store at once and made durable by {@link #commit()}; {@link #rollback()} drops them.
 */
public final class WatchdogStore implements AutoCloseable {

    // The watchdog's own text columns: a longer line (a flag with many long rule ids, a forged note's long line in an
    // alarm) is cut to fit with an ellipsis, rather than fail the store and stop the watchdog at that message.
    private static final int LONGEST_EVENT_LINE = 2000;
    private static final int LONGEST_ALARM = 10_000;
    private static final int LONGEST_REASON = 2000;

    private static final String[] SCHEMA = {
        """
        create table if not exists event (
          id varchar(400) primary key,
          ledger_index bigint not null unique,
          leaf_hash char(64) not null,
          kind varchar(40) not null,
          disclosure_id varchar(200) not null,
          disclosure_seq bigint not null,
          custodian_state varchar(20) not null,
          recipient_agency varchar(100) not null,
          purpose varchar(40) not null,
          data_categories varchar(1000) not null,
          subject_count bigint,
          line varchar(2000) not null,
          matched boolean not null,
          status varchar(10) not null,
          verified_tree_size bigint,
          seq_settled boolean not null default false,
          received_at bigint not null,
          source varchar(400) not null)
        """,
        "create index if not exists event_by_disclosure on event(disclosure_id, disclosure_seq)",
        "create index if not exists event_by_status on event(status, ledger_index)",
        "create index if not exists event_by_settled on event(seq_settled)",
        """
        create table if not exists checkpoint (
          number bigint auto_increment primary key,
          tree_size bigint not null,
          root_hash char(64),
          note_sha char(64) not null unique,
          note varchar(100000) not null,
          status varchar(10) not null,
          received_at bigint not null,
          source varchar(400) not null)
        """,
        """
        create table if not exists alarm (
          number bigint auto_increment primary key,
          raised_at bigint not null,
          kind varchar(40) not null,
          line varchar(10000) not null)
        """,
        """
        create table if not exists finding (
          id varchar(400) primary key,
          type varchar(400) not null,
          subject varchar(400) not null,
          time varchar(40) not null,
          matched boolean not null,
          json varchar(1000000) not null,
          received_at bigint not null)
        """,
        """
        create table if not exists unreadable (
          number bigint auto_increment primary key,
          topic varchar(300) not null,
          kafka_partition int not null,
          kafka_offset bigint not null,
          reason varchar(2000) not null,
          raw_base64 clob not null,
          received_at bigint not null,
          unique (topic, kafka_partition, kafka_offset))
        """,
        "create table if not exists missing_reported (from_index bigint not null, to_index bigint not null)",
        "create table if not exists meta (name varchar(100) primary key, val varchar(10000) not null)"
    };

    private final Path directory;
    private final Connection db;

    private WatchdogStore(Path directory, Connection db) {
        this.directory = directory;
        this.db = db;
    }

    /**
     * Opens the store in {@code directory}, creating it when {@code create} is set.
     *
     * @throws StoreUnavailable when there is no store there (and {@code create} is not set), or another watchdog
     *     process has it open
     */
    public static WatchdogStore open(Path directory, boolean create) {
        Path file = directory.resolve("watchdog");
        if (!create && !Files.exists(directory.resolve("watchdog.mv.db"))) {
            throw new StoreUnavailable(
                    "no watchdog store in " + directory + " (run follow first, or give --store)", null);
        }
        try {
            Files.createDirectories(directory);
            // H2 would close the database in its own shutdown hook; follow's hook finishes the batch in hand first.
            Connection db = DriverManager.getConnection(
                    "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "watchdog", "");
            db.setAutoCommit(false);
            try (Statement ddl = db.createStatement()) {
                for (String statement : SCHEMA) {
                    ddl.execute(statement);
                }
            }
            db.commit();
            return new WatchdogStore(directory, db);
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) {
                throw new StoreUnavailable("the store in " + directory + " is in use by another watchdog process", e);
            }
            throw new StoreUnavailable("cannot open the store in " + directory + ": " + firstLine(e), e);
        } catch (java.io.IOException e) {
            throw new StoreUnavailable("cannot create the store directory " + directory + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    public void commit() {
        run(db::commit);
    }

    public void rollback() {
        run(db::rollback);
    }

    @Override
    public void close() {
        run(() -> {
            db.rollback();
            db.close();
        });
    }

    // ---- events

    public boolean hasEvent(String id) {
        return exists("select 1 from event where id = ?", id);
    }

    /** Whether an event of the disclosure matched the filters of the run that received it. */
    public boolean hasMatchingEvent(String disclosureId) {
        return exists("select 1 from event where disclosure_id = ? and matched", disclosureId);
    }

    /**
     * Marks the disclosure's events that did not match as matching, as when a correction brings the disclosure into
     * the filters; returns their lines, in ledger order.
     */
    public List<String> matchEarlierEvents(String disclosureId) {
        List<String> lines = strings(
                "select line from event where disclosure_id = ? and not matched order by ledger_index", disclosureId);
        if (!lines.isEmpty()) {
            update("update event set matched = true where disclosure_id = ? and not matched", disclosureId);
        }
        return lines;
    }

    /** The id of the event held at {@code ledgerIndex}, if any. */
    public Optional<String> eventAt(long ledgerIndex) {
        return query(
                "select id from event where ledger_index = ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.empty(),
                ledgerIndex);
    }

    /**
     * Keeps a received event, pending its inclusion check. A read of a person's records is one event under its own
     * access id, with no disclosure sequence to check, so it is kept as settled.
     */
    public void addEvent(DisclosureMessage m, boolean matched, String line, long receivedAt, String source) {
        update(
                """
                insert into event (id, ledger_index, leaf_hash, kind, disclosure_id, disclosure_seq, custodian_state,
                  recipient_agency, purpose, data_categories, subject_count, line, matched, status, seq_settled,
                  received_at, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                m.id(),
                m.ledgerIndex(),
                m.leafHash().hex(),
                m.kind().kind(),
                m.disclosureId(),
                m.disclosureSeq(),
                m.custodianState(),
                m.recipientAgency(),
                m.purpose(),
                String.join(",", m.dataCategories()),
                m.subjectCount().isPresent() ? m.subjectCount().getAsLong() : null,
                fit(line, LONGEST_EVENT_LINE),
                matched,
                EventStatus.PENDING.name(),
                m.kind().isAccess(),
                receivedAt,
                source);
    }

    public Optional<EventStatus> eventStatus(String id) {
        return query(
                "select status from event where id = ?",
                rs -> rs.next() ? Optional.of(EventStatus.valueOf(rs.getString(1))) : Optional.empty(),
                id);
    }

    /** Events still pending whose ledger index is below {@code treeSize}, in index order. */
    public List<PendingEvent> pendingBelow(long treeSize) {
        return query(
                "select id, ledger_index, leaf_hash, source from event where status = 'PENDING' and ledger_index < ?"
                        + " order by ledger_index",
                rs -> {
                    List<PendingEvent> pending = new ArrayList<>();
                    while (rs.next()) {
                        pending.add(new PendingEvent(
                                rs.getString(1), rs.getLong(2), Sha256Hash.fromHex(rs.getString(3)), rs.getString(4)));
                    }
                    return pending;
                },
                treeSize);
    }

    public long countPending() {
        return count("select count(*) from event where status = 'PENDING'");
    }

    public void setEventStatus(String id, EventStatus status, Long verifiedTreeSize) {
        update("update event set status = ?, verified_tree_size = ? where id = ?", status.name(), verifiedTreeSize, id);
    }

    /**
     * The ranges of ledger indexes below {@code treeSize} that no event held has, leaving out those already reported.
     */
    public List<long[]> unreportedMissingBelow(long treeSize) {
        long next = Long.parseLong(meta("contiguous").orElse("0"));
        long from = next;
        List<long[]> missing = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "select ledger_index from event where ledger_index >= ? and ledger_index < ? order by ledger_index")) {
            select.setLong(1, from);
            select.setLong(2, treeSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long index = rs.getLong(1);
                    if (index > next) {
                        missing.add(new long[] {next, index - 1});
                    }
                    next = index + 1;
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        if (next < treeSize) {
            missing.add(new long[] {next, treeSize - 1});
        }
        long contiguous = missing.isEmpty() ? Math.max(next, from) : missing.get(0)[0];
        if (contiguous > from) {
            putMeta("contiguous", Long.toString(contiguous));
        }
        List<long[]> reported = query("select from_index, to_index from missing_reported order by from_index", rs -> {
            List<long[]> ranges = new ArrayList<>();
            while (rs.next()) {
                ranges.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
            return ranges;
        });
        return subtract(missing, reported);
    }

    public void addReportedMissing(List<long[]> ranges) {
        for (long[] range : ranges) {
            update("insert into missing_reported (from_index, to_index) values (?, ?)", range[0], range[1]);
        }
    }

    /**
     * Events received at or before {@code receivedBy} whose predecessor in their disclosure is missing and that were
     * not reported yet.
     */
    public List<SequenceGap> unreportedSequenceGaps(long receivedBy) {
        // An event whose predecessor is here never needs looking at again.
        update("""
                update event e set seq_settled = true
                where not e.seq_settled and (e.disclosure_seq = 0 or exists (select 1 from event p
                  where p.disclosure_id = e.disclosure_id and p.disclosure_seq = e.disclosure_seq - 1))
                """);
        return query(
                """
                select e.id, e.disclosure_id, e.disclosure_seq, e.ledger_index,
                  coalesce((select max(p.disclosure_seq) from event p
                            where p.disclosure_id = e.disclosure_id and p.disclosure_seq < e.disclosure_seq), -1) + 1,
                  e.source
                from event e
                where not e.seq_settled and e.received_at <= ?
                  and not exists (select 1 from event p
                                  where p.disclosure_id = e.disclosure_id and p.disclosure_seq = e.disclosure_seq - 1)
                order by e.ledger_index
                """,
                rs -> {
                    List<SequenceGap> gaps = new ArrayList<>();
                    while (rs.next()) {
                        gaps.add(new SequenceGap(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getString(6)));
                    }
                    return gaps;
                },
                receivedBy);
    }

    public void markSequenceGapReported(String id) {
        update("update event set seq_settled = true where id = ?", id);
    }

    // ---- checkpoints

    public boolean hasCheckpointNote(String noteSha) {
        return exists("select 1 from checkpoint where note_sha = ?", noteSha);
    }

    public void addCheckpoint(
            long treeSize,
            Sha256Hash rootHash,
            String noteSha,
            String note,
            CheckpointStatus status,
            long receivedAt,
            String source) {
        update(
                "insert into checkpoint (tree_size, root_hash, note_sha, note, status, received_at, source)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                treeSize,
                rootHash == null ? null : rootHash.hex(),
                noteSha,
                note,
                status.name(),
                receivedAt,
                source);
    }

    public List<HeldCheckpoint> checkpoints(CheckpointStatus status) {
        return checkpointsWhere("status = ? order by tree_size, number", status.name());
    }

    /** The verified checkpoint of the largest tree size. */
    public Optional<HeldCheckpoint> largestVerified() {
        return checkpointsWhere("status = 'VERIFIED' order by tree_size desc, number limit 1").stream()
                .findFirst();
    }

    /** The verified checkpoint of the largest tree size among those received at or before {@code receivedBy}. */
    public Optional<HeldCheckpoint> largestVerifiedReceivedBy(long receivedBy) {
        return checkpointsWhere(
                        "status = 'VERIFIED' and received_at <= ? order by tree_size desc, number limit 1", receivedBy)
                .stream()
                .findFirst();
    }

    public Optional<HeldCheckpoint> verifiedOfSize(long treeSize) {
        return checkpointsWhere("status = 'VERIFIED' and tree_size = ? order by number limit 1", treeSize).stream()
                .findFirst();
    }

    public void setCheckpointStatus(long number, CheckpointStatus status) {
        update("update checkpoint set status = ? where number = ?", status.name(), number);
    }

    private List<HeldCheckpoint> checkpointsWhere(String where, Object... parameters) {
        return query(
                "select number, tree_size, root_hash, status, received_at, source from checkpoint where " + where,
                rs -> {
                    List<HeldCheckpoint> held = new ArrayList<>();
                    while (rs.next()) {
                        String root = rs.getString(3);
                        held.add(new HeldCheckpoint(
                                rs.getLong(1),
                                rs.getLong(2),
                                root == null ? null : Sha256Hash.fromHex(root),
                                CheckpointStatus.valueOf(rs.getString(4)),
                                rs.getLong(5),
                                rs.getString(6)));
                    }
                    return held;
                },
                parameters);
    }

    /** The text, cut with an ellipsis when it is longer than {@code longest} characters. */
    static String fit(String text, int longest) {
        return text.length() <= longest ? text : text.substring(0, longest - 1) + "\u2026";
    }

    // ---- alarms, findings, unreadable messages

    /** Keeps an alarm: its kind and the line printed for it. */
    public void addAlarm(String kind, String line, long raisedAt) {
        update("insert into alarm (raised_at, kind, line) values (?, ?, ?)", raisedAt, kind, fit(line, LONGEST_ALARM));
    }

    /** Every alarm line, oldest first. */
    public List<String> alarmLines() {
        return strings("select line from alarm order by number");
    }

    public boolean hasFinding(String id) {
        return exists("select 1 from finding where id = ?", id);
    }

    public void addFinding(FindingMessage finding, boolean matched, long receivedAt) {
        update(
                "insert into finding (id, type, subject, time, matched, json, received_at) values (?, ?, ?, ?, ?, ?, ?)",
                finding.id(),
                finding.type(),
                finding.subject(),
                finding.time(),
                matched,
                finding.json(),
                receivedAt);
    }

    /** The findings that matched the filters, oldest first, as {@code time type subject}. */
    public List<String> findingLines() {
        return strings("select 'FINDING ' || time || ' ' || type || ' ' || subject from finding where matched"
                + " order by received_at, id");
    }

    public boolean hasUnreadable(String topic, int partition, long offset) {
        return exists(
                "select 1 from unreadable where topic = ? and kafka_partition = ? and kafka_offset = ?",
                topic,
                partition,
                offset);
    }

    public void addUnreadable(String topic, int partition, long offset, String reason, byte[] raw, long receivedAt) {
        update(
                "insert into unreadable (topic, kafka_partition, kafka_offset, reason, raw_base64, received_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                topic,
                partition,
                offset,
                fit(reason, LONGEST_REASON),
                Base64.getEncoder().encodeToString(raw == null ? new byte[0] : raw),
                receivedAt);
    }

    /** The messages kept aside (unreadable or conflicting), as {@code topic/partition@offset reason}. */
    public List<String> unreadableLines() {
        return strings("select topic || '/' || kafka_partition || '@' || kafka_offset || ' ' || reason"
                + " from unreadable order by number");
    }

    /** The raw bytes of the message kept aside from that place. */
    public Optional<byte[]> unreadableRaw(String topic, int partition, long offset) {
        return query(
                "select raw_base64 from unreadable where topic = ? and kafka_partition = ? and kafka_offset = ?",
                rs -> rs.next() ? Optional.of(Base64.getDecoder().decode(rs.getString(1))) : Optional.empty(),
                topic,
                partition,
                offset);
    }

    // ---- meta and summary

    public Optional<String> meta(String name) {
        return query(
                "select val from meta where name = ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.empty(),
                name);
    }

    public void putMeta(String name, String value) {
        update("merge into meta (name, val) key (name) values (?, ?)", name, value);
    }

    /** Every event line that matched the filters, in ledger order. */
    public List<String> matchingLines() {
        return strings("select line from event where matched order by ledger_index");
    }

    public Summary summary() {
        String latest = """
                from event e where e.matched and e.disclosure_seq = (
                  select max(l.disclosure_seq) from event l where l.matched and l.disclosure_id = e.disclosure_id)
                """;
        return new Summary(
                meta("filters"),
                largestVerified(),
                count("select count(*) from event"),
                count("select count(*) from event where matched"),
                count("select count(distinct disclosure_id) from event where matched"),
                totals("select e.custodian_state, count(*) n " + latest
                        + " group by e.custodian_state order by n desc, e.custodian_state"),
                totals("select e.recipient_agency, count(*) n " + latest
                        + " group by e.recipient_agency order by n desc, e.recipient_agency"),
                totals("select e.purpose, count(*) n " + latest + " group by e.purpose order by n desc, e.purpose"),
                count("select coalesce(sum(subject_count), 0) from event where matched"
                        + " and kind in ('recorded', 'bulk-sealed')"),
                totals("select kind, count(*) from event where matched and kind in ('corrected', 'disputed',"
                        + " 'destruction-requested', 'destruction-certified', 'suspension-lifted')"
                        + " group by kind order by kind"),
                count("select count(*) from event where status = 'VERIFIED'"),
                count("select count(*) from event where status = 'PENDING'"),
                count("select count(*) from event where status = 'FAILED'"),
                count("select count(*) from alarm"),
                count("select count(*) from finding where matched"),
                count("select count(*) from unreadable"));
    }

    // ---- JDBC plumbing

    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private interface Work {
        void run() throws SQLException;
    }

    private <T> T query(String sql, Rows<T> rows, Object... parameters) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private boolean exists(String sql, Object... parameters) {
        return query(sql, ResultSet::next, parameters);
    }

    private long count(String sql) {
        return query(sql, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    private List<String> strings(String sql, Object... parameters) {
        return query(
                sql,
                rs -> {
                    List<String> lines = new ArrayList<>();
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                    return lines;
                },
                parameters);
    }

    private Map<String, Long> totals(String sql) {
        return query(sql, rs -> {
            Map<String, Long> totals = new LinkedHashMap<>();
            while (rs.next()) {
                totals.put(rs.getString(1), rs.getLong(2));
            }
            return totals;
        });
    }

    private void update(String sql, Object... parameters) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private void run(Work work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private StoreUnavailable failure(SQLException e) {
        return new StoreUnavailable("the store in " + directory + " failed: " + firstLine(e), e);
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? "SQL error " + e.getErrorCode() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The parts of {@code ranges} not covered by {@code covered}; both sorted closed ranges. */
    static List<long[]> subtract(List<long[]> ranges, List<long[]> covered) {
        List<long[]> left = new ArrayList<>();
        for (long[] range : ranges) {
            long from = range[0];
            for (long[] c : covered) {
                if (c[1] < from || c[0] > range[1]) {
                    continue;
                }
                if (c[0] > from) {
                    left.add(new long[] {from, c[0] - 1});
                }
                from = Math.max(from, c[1] + 1);
                if (from > range[1]) {
                    break;
                }
            }
            if (from <= range[1]) {
                left.add(new long[] {from, range[1]});
            }
        }
        return left;
    }
}
