package org.disclosureledger.projections.stream;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.disclosureledger.projections.eventstore.PlannedPerCall;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the publishers read and write in PostgreSQL: the ledger's entries with their stored events, in ledger order,
 * the stored events that set disclosures' filter attributes, how far the disclosures topic got
 * ({@code stream_relay}), the signed checkpoints and how far the checkpoint topic got
 * ({@code stream_checkpoint_progress}). Every read of a batch is one query, whatever the batch's size.
 */
final class StreamStore {

    /** A signed checkpoint as stored by the checkpointer. */
    record SignedCheckpoint(long treeSize, String signedNote, Instant signedAt) {}

    private final JdbcTemplate jdbc;

    StreamStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each disclosure, the latest of its stored events of these types whose sequence number is below the given
     * one (the events that set a disclosure's filter attributes: its first event and its corrections), in one
     * statement; none for a disclosure that has no such event.
     *
     * @param sequenceByDisclosure for each disclosure, the sequence number the event must be below
     * @param payloadTypes         the stored event names looked for, as stored (before any upcaster: an event type
     *                             renamed by an upcaster would have to be looked for under its old name too)
     */
    List<DomainEventData<byte[]>> latestEventsBefore(
            Map<String, Long> sequenceByDisclosure, List<String> payloadTypes) {
        if (sequenceByDisclosure.isEmpty()) {
            return List.of();
        }
        String[] disclosures = new String[sequenceByDisclosure.size()];
        Long[] sequences = new Long[sequenceByDisclosure.size()];
        int i = 0;
        for (Map.Entry<String, Long> e : sequenceByDisclosure.entrySet()) {
            disclosures[i] = e.getKey();
            sequences[i] = e.getValue();
            i++;
        }
        String latestBefore = """
                select d.type, d.aggregate_identifier, d.sequence_number, d.event_identifier, d.time_stamp,
                    d.payload_type, d.payload_revision, d.payload, d.meta_data
                from unnest(?::text[], ?::bigint[]) as wanted (disclosure_id, before_sequence)
                cross join lateral (
                    select * from domain_event_entry e
                    where e.aggregate_identifier = wanted.disclosure_id and e.sequence_number < wanted.before_sequence
                        and e.payload_type = any (?::text[])
                    order by e.sequence_number desc
                    limit 1) d""";
        String[] types = payloadTypes.toArray(new String[0]);
        return jdbc.query(
                PlannedPerCall.query(latestBefore, disclosures, sequences, types), (rs, n) -> storedEvent(rs, 1));
    }

    /**
     * The largest tree size whose checkpoint the topic has, locking the progress row until the transaction ends so
     * that one publisher at a time publishes checkpoints. Must run in a transaction.
     */
    long lockCheckpointProgress() {
        return jdbc.queryForObject(
                "select published_tree_size from stream_checkpoint_progress where id = 1 for update", Long.class);
    }

    /**
     * Every ledger index below this is on the disclosures topic, locking the relay's row until the transaction ends so
     * that one relay at a time publishes; empty if another transaction holds it (another node's relay is publishing).
     * Must run in a transaction.
     */
    Optional<Long> claimRelay() {
        Optional<Long> claimed = jdbc
                .queryForList(
                        "select published_entries from stream_relay where id = 1 for update skip locked", Long.class)
                .stream()
                .findFirst();
        if (claimed.isEmpty() && jdbc.queryForObject("select count(*) from stream_relay", Long.class) == 0) {
            throw new IllegalStateException("the table stream_relay has no row: the relay does not know where the"
                    + " disclosures topic got to (Flyway V14 writes it)");
        }
        return claimed;
    }

    /** Records that every ledger index below this is on the disclosures topic. Must run in the claiming transaction. */
    void relayedUpTo(long publishedEntries) {
        jdbc.update("update stream_relay set published_entries = ? where id = 1", publishedEntries);
    }

    /** Every ledger index below this is on the disclosures topic, as last committed (no lock). */
    long publishedEntries() {
        return jdbc.queryForObject("select published_entries from stream_relay where id = 1", Long.class);
    }

    /** The ledger's entries not yet on the disclosures topic, as last committed, in one statement (never below 0). */
    long unpublishedEntries() {
        return jdbc.queryForObject(
                "select greatest(0, (select coalesce(max(ledger_index) + 1, 0) from ledger_entry)"
                        + " - (select published_entries from stream_relay where id = 1))",
                Long.class);
    }

    /**
     * The stored events of the ledger entries from {@code ledgerIndex} on, in ledger order: at most {@code limit}, no
     * more once their stored events reach {@code byteLimit} bytes (but always the first), and only up to the first
     * index missing, so that the relay never passes an entry it has not seen. A bulk chunk's event is about 0.7 MB,
     * most of it person references the stream does not carry; the byte limit keeps a batch of them small.
     */
    List<LedgerEntryEvent> entriesFrom(long ledgerIndex, int limit, long byteLimit) {
        List<LedgerEntryEvent> entries = new ArrayList<>(Math.min(limit, 1024));
        jdbc.query(
                """
                select ledger_index, leaf_hash, type, aggregate_identifier, sequence_number, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data
                from (
                    select l.ledger_index, l.leaf_hash, d.type, d.aggregate_identifier, d.sequence_number,
                        d.event_identifier, d.time_stamp, d.payload_type, d.payload_revision, d.payload, d.meta_data,
                        sum(octet_length(d.payload)) over (order by l.ledger_index)
                            - octet_length(d.payload) as bytes_before
                    from ledger_entry l join domain_event_entry d on d.global_index = l.global_index
                    where l.ledger_index >= ? and l.ledger_index < ? order by l.ledger_index limit ?) batch
                where bytes_before < ?
                order by ledger_index""",
                rs -> {
                    long index = rs.getLong(1);
                    if (index != ledgerIndex + entries.size()) {
                        return;
                    }
                    entries.add(new LedgerEntryEvent(new LedgerPosition(index, rs.getBytes(2)), storedEvent(rs, 3)));
                },
                ledgerIndex,
                // Indexes have no gaps: bounds what PostgreSQL reads, whatever plan it picks for the running sum.
                ledgerIndex + limit,
                limit,
                byteLimit);
        return entries;
    }

    /** Records that every checkpoint up to this tree size is on the topic. */
    void checkpointsPublishedUpTo(long treeSize) {
        jdbc.update("update stream_checkpoint_progress set published_tree_size = ? where id = 1", treeSize);
    }

    /** The largest tree size whose checkpoint the topic has. */
    long publishedCheckpointSize() {
        return jdbc.queryForObject(
                "select published_tree_size from stream_checkpoint_progress where id = 1", Long.class);
    }

    /** Signed checkpoints larger than a tree size and at most another, smallest first, at most {@code limit}. */
    List<SignedCheckpoint> checkpointsBetween(long afterTreeSize, long upToTreeSize, int limit) {
        return jdbc.query(
                "select tree_size, signed_note, signed_at from ledger_checkpoint where tree_size > ? and tree_size <= ?"
                        + " order by tree_size limit ?",
                (rs, n) -> new SignedCheckpoint(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                afterTreeSize,
                upToTreeSize,
                limit);
    }

    /**
     * A row of the event store, from its columns type, aggregate_identifier, sequence_number, event_identifier,
     * time_stamp, payload_type, payload_revision, payload and meta_data, in that order from {@code first}; its time
     * is read by {@link StoredTime}.
     */
    private static DomainEventData<byte[]> storedEvent(ResultSet rs, int first) throws SQLException {
        String storedAt = rs.getString(first + 4);
        return new GenericDomainEventEntry<>(
                rs.getString(first),
                rs.getString(first + 1),
                rs.getLong(first + 2),
                rs.getString(first + 3),
                storedAt,
                rs.getString(first + 5),
                rs.getString(first + 6),
                rs.getBytes(first + 7),
                rs.getBytes(first + 8)) {
            @Override
            public Instant getTimestamp() {
                return StoredTime.parse(storedAt);
            }
        };
    }
}
