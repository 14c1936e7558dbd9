package org.disclosureledger.projections.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the publishers read and write in PostgreSQL: the ledger's entries with their stored events, in ledger order,
 * each disclosure's filter attributes ({@code stream_disclosure}), how far the disclosures topic got
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

    /** The stored filter attributes of these disclosures, for those that have them. */
    Map<String, DisclosureFilter> filters(Collection<String> disclosureIds) {
        Map<String, DisclosureFilter> filters = new HashMap<>();
        jdbc.query(
                "select disclosure_id, custodian_state, recipient_agency_id, purpose_code, data_categories"
                        + " from stream_disclosure where disclosure_id = any (?)",
                rs -> {
                    filters.put(
                            rs.getString(1),
                            new DisclosureFilter(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                },
                (Object) textArray(disclosureIds));
        return filters;
    }

    /** Stores disclosures' filter attributes as they stand now, replacing what was stored, in one statement. */
    void saveFilters(Map<String, DisclosureFilter> filters) {
        if (filters.isEmpty()) {
            return;
        }
        int n = filters.size();
        String[] ids = new String[n];
        String[] states = new String[n];
        String[] recipients = new String[n];
        String[] purposes = new String[n];
        String[] categories = new String[n];
        int i = 0;
        for (Map.Entry<String, DisclosureFilter> e : filters.entrySet()) {
            ids[i] = e.getKey();
            states[i] = e.getValue().custodianState();
            recipients[i] = e.getValue().recipientAgency();
            purposes[i] = e.getValue().purpose();
            categories[i] = e.getValue().dataCategories();
            i++;
        }
        jdbc.update("""
                insert into stream_disclosure (disclosure_id, custodian_state, recipient_agency_id, purpose_code,
                    data_categories)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                on conflict (disclosure_id) do update set custodian_state = excluded.custodian_state,
                    recipient_agency_id = excluded.recipient_agency_id,
                    purpose_code = excluded.purpose_code,
                    data_categories = excluded.data_categories""", ids, states, recipients, purposes, categories);
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
                    entries.add(new LedgerEntryEvent(
                            new LedgerPosition(index, rs.getBytes(2)),
                            new GenericDomainEventEntry<>(
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9),
                                    rs.getBytes(10),
                                    rs.getBytes(11))));
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

    // PgJDBC sends a Java array as an SQL array, so no connection is borrowed just to build one.
    private static String[] textArray(Collection<String> values) {
        return values.toArray(new String[0]);
    }
}
