package org.disclosureledger.projections.integrity;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.disclosureledger.core.ledger.LeafEnvelope;
import org.disclosureledger.core.merkle.NodeId;
import org.disclosureledger.projections.eventstore.PlannedPerCall;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's integrity tables in PostgreSQL: entries (ledger index, event, leaf hash), the perfect subtrees of the
 * Merkle tree, and signed checkpoints. All three only grow; this class never updates or deletes.
 */
@Component
public class LedgerStore {

    private final JdbcTemplate jdbc;

    public LedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored event as the sequencer reads it: its envelope and its place in the event table. */
    record StoredEvent(long globalIndex, LeafEnvelope envelope) {}

    /** One sequenced event. */
    record Entry(long ledgerIndex, String eventIdentifier, long globalIndex, byte[] leafHash) {}

    /** How many entries the ledger has: the next ledger index. */
    public long size() {
        return jdbc.queryForObject("select coalesce(max(ledger_index) + 1, 0) from ledger_entry", Long.class);
    }

    /** The leaf hash at a ledger index. */
    public Optional<byte[]> leafHash(long ledgerIndex) {
        return jdbc
                .query(
                        "select leaf_hash from ledger_entry where ledger_index = ?",
                        (rs, n) -> rs.getBytes(1),
                        ledgerIndex)
                .stream()
                .findFirst();
    }

    /** The hash of the perfect subtree at (level, index); level 0 is a leaf. */
    public byte[] node(int level, long index) {
        if (level == 0) {
            return leafHash(index).orElseThrow(() -> new IllegalStateException("no ledger entry " + index));
        }
        return jdbc
                .query(
                        "select hash from ledger_tree_node where level = ? and node_index = ?",
                        (rs, n) -> rs.getBytes(1),
                        level,
                        index)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no tree node at level " + level + ", index " + index));
    }

    /** The hashes of several nodes (level 0: leaves) in the order asked, in two queries. */
    List<byte[]> nodes(List<NodeId> ids) {
        Map<Long, byte[]> leaves = new HashMap<>();
        List<Long> leafIndexes =
                ids.stream().filter(id -> id.level() == 0).map(NodeId::index).toList();
        if (!leafIndexes.isEmpty()) {
            jdbc.query(
                    PlannedPerCall.query(
                            "select ledger_index, leaf_hash from ledger_entry where ledger_index = any (?)",
                            longArray(leafIndexes)),
                    rs -> {
                        leaves.put(rs.getLong(1), rs.getBytes(2));
                    });
        }
        Map<NodeId, byte[]> inner = new HashMap<>();
        List<NodeId> innerIds = ids.stream().filter(id -> id.level() > 0).toList();
        if (!innerIds.isEmpty()) {
            jdbc.query(
                    PlannedPerCall.query(
                            "select level, node_index, hash from ledger_tree_node where (level, node_index)"
                                    + " in (select * from unnest(?::smallint[], ?::bigint[]))",
                            intArray(innerIds.stream().map(NodeId::level).toList()),
                            longArray(innerIds.stream().map(NodeId::index).toList())),
                    rs -> {
                        inner.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                    });
        }
        List<byte[]> hashes = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            byte[] hash = id.level() == 0 ? leaves.get(id.index()) : inner.get(id);
            if (hash == null) {
                throw new IllegalStateException("no tree node at level " + id.level() + ", index " + id.index());
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /** A signed checkpoint as stored. */
    public record StoredCheckpoint(long treeSize, byte[] rootHash, String signedNote, Instant signedAt) {}

    /** The newest checkpoint, if any was signed. */
    public Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc
                .query(
                        "select tree_size, root_hash, signed_note, signed_at from ledger_checkpoint"
                                + " order by tree_size desc limit 1",
                        (rs, n) -> checkpoint(rs))
                .stream()
                .findFirst();
    }

    /** The checkpoint signed at exactly this tree size, if any. */
    public Optional<StoredCheckpoint> checkpoint(long treeSize) {
        return jdbc
                .query(
                        "select tree_size, root_hash, signed_note, signed_at from ledger_checkpoint"
                                + " where tree_size = ?",
                        (rs, n) -> checkpoint(rs),
                        treeSize)
                .stream()
                .findFirst();
    }

    /** Stores a signed checkpoint; false when one of that size already exists (another node signed it). */
    boolean addCheckpoint(StoredCheckpoint checkpoint) {
        return jdbc.update(
                        "insert into ledger_checkpoint (tree_size, root_hash, signed_note, signed_at)"
                                + " values (?, ?, ?, ?) on conflict (tree_size) do nothing",
                        checkpoint.treeSize(),
                        checkpoint.rootHash(),
                        checkpoint.signedNote(),
                        Timestamp.from(checkpoint.signedAt()))
                == 1;
    }

    private static StoredCheckpoint checkpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredCheckpoint(
                rs.getLong(1),
                rs.getBytes(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }

    /**
     * Continues the tree where the stored entries end, its peaks read in two queries. One query per peak (as many as
     * the ledger's size has bits set) made 7 statements of each batch of about 9 single disclosures (2026-12-07).
     */
    TreeAppender appender() {
        long size = size();
        List<NodeId> positions = TreeAppender.peakPositions(size);
        List<byte[]> hashes = nodes(positions);
        List<TreeAppender.Node> peaks = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            peaks.add(new TreeAppender.Node(
                    positions.get(i).level(), positions.get(i).index(), hashes.get(i)));
        }
        return new TreeAppender(size, peaks);
    }

    /** Which of these events already have a ledger index (a replayed batch must not be sequenced twice). */
    Set<String> alreadySequenced(List<String> eventIdentifiers) {
        return new HashSet<>(jdbc.query(
                PlannedPerCall.query(
                        "select event_identifier from ledger_entry where event_identifier = any (?)",
                        array(eventIdentifiers)),
                (rs, n) -> rs.getString(1)));
    }

    /** The events, exactly as stored, in the order of the given identifiers. */
    List<StoredEvent> storedEvents(List<String> eventIdentifiers) {
        Map<String, StoredEvent> byId = new HashMap<>();
        String byIdentifier = """
                select global_index, event_identifier, payload_type, payload_revision, aggregate_identifier,
                       sequence_number, time_stamp, payload
                from domain_event_entry where event_identifier = any (?)""";
        jdbc.query(PlannedPerCall.query(byIdentifier, array(eventIdentifiers)), rs -> {
            LeafEnvelope envelope = new LeafEnvelope(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6),
                    rs.getString(7),
                    rs.getBytes(8));
            byId.put(envelope.eventIdentifier(), new StoredEvent(rs.getLong(1), envelope));
        });
        List<StoredEvent> ordered = new ArrayList<>(eventIdentifiers.size());
        for (String id : eventIdentifiers) {
            StoredEvent event = byId.get(id);
            if (event == null) {
                throw new IllegalStateException("event " + id + " was delivered but is not in the event table");
            }
            ordered.add(event);
        }
        return ordered;
    }

    /**
     * Appends entries and the tree nodes they completed, in one statement each: the rows' values go as arrays, where a
     * JDBC batch ran one insert per row (two per event, most of the sequencer's statements).
     */
    void append(List<Entry> entries, List<TreeAppender.Node> nodes, Instant sequencedAt) {
        if (!entries.isEmpty()) {
            jdbc.update("""
                    insert into ledger_entry (ledger_index, event_identifier, global_index, leaf_hash, sequenced_at)
                    select e.ledger_index, e.event_identifier, e.global_index, e.leaf_hash, ?
                    from unnest(?::bigint[], ?::text[], ?::bigint[], ?::bytea[])
                        as e(ledger_index, event_identifier, global_index, leaf_hash)""", statement -> {
                Connection connection = statement.getConnection();
                statement.setTimestamp(1, Timestamp.from(sequencedAt));
                statement.setArray(2, connection.createArrayOf("bigint", column(entries, Entry::ledgerIndex)));
                statement.setArray(3, connection.createArrayOf("text", column(entries, Entry::eventIdentifier)));
                statement.setArray(4, connection.createArrayOf("bigint", column(entries, Entry::globalIndex)));
                statement.setArray(5, connection.createArrayOf("bytea", bytesColumn(entries, Entry::leafHash)));
            });
        }
        if (!nodes.isEmpty()) {
            jdbc.update("""
                    insert into ledger_tree_node (level, node_index, hash)
                    select n.level, n.node_index, n.hash
                    from unnest(?::smallint[], ?::bigint[], ?::bytea[]) as n(level, node_index, hash)""", statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, connection.createArrayOf("smallint", column(nodes, n -> (short) n.level())));
                statement.setArray(2, connection.createArrayOf("bigint", column(nodes, TreeAppender.Node::index)));
                statement.setArray(3, connection.createArrayOf("bytea", bytesColumn(nodes, TreeAppender.Node::hash)));
            });
        }
    }

    /** One column's values, as the driver makes an array of numbers or text from them. */
    private static <T> Object[] column(List<T> rows, Function<T, Object> value) {
        return rows.stream().map(value).toArray();
    }

    /** One column's values, as the driver makes a {@code bytea[]} from them (only from a {@code byte[][]}). */
    private static <T> byte[][] bytesColumn(List<T> rows, Function<T, byte[]> value) {
        return rows.stream().map(value).toArray(byte[][]::new);
    }

    /** The envelope of the event at a ledger index, read from the event table as stored now. */
    public Optional<LeafEnvelope> envelope(long ledgerIndex) {
        return jdbc
                .query(
                        """
                        select d.event_identifier, d.payload_type, d.payload_revision, d.aggregate_identifier,
                               d.sequence_number, d.time_stamp, d.payload
                        from ledger_entry e join domain_event_entry d on d.event_identifier = e.event_identifier
                        where e.ledger_index = ?""",
                        (rs, n) -> new LeafEnvelope(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getBytes(7)),
                        ledgerIndex)
                .stream()
                .findFirst();
    }

    // PgJDBC sends Java arrays as SQL arrays, so no connection is borrowed just to build one. Typed Object so that a
    // varargs call passes the array as one argument rather than spreading it.
    private static Object array(List<String> values) {
        return values.toArray(new String[0]);
    }

    private static Object longArray(List<Long> values) {
        return values.toArray(new Long[0]);
    }

    private static Object intArray(List<Integer> values) {
        return values.toArray(new Integer[0]);
    }
}
