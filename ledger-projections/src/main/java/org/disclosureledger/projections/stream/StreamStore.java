package org.disclosureledger.projections.stream;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the publishers read and write in PostgreSQL: the ledger entries of events about to be published, each
 * disclosure's filter attributes ({@code stream_disclosure}), which entries are on the disclosures topic
 * ({@code stream_published_entry}), the signed checkpoints and how far both topics got
 * ({@code stream_checkpoint_progress}). Every read of a batch is one query, whatever the batch's size.
 */
final class StreamStore {

    /** A signed checkpoint as stored by the checkpointer. */
    record SignedCheckpoint(long treeSize, String signedNote, Instant signedAt) {}

    private final JdbcTemplate jdbc;

    StreamStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ledger positions of those of these events the sequencer has already taken, by event identifier. */
    Map<String, LedgerPosition> positions(Collection<String> eventIdentifiers) {
        Map<String, LedgerPosition> positions = new HashMap<>();
        jdbc.query(
                "select event_identifier, ledger_index, leaf_hash from ledger_entry where event_identifier = any (?)",
                rs -> {
                    positions.put(rs.getString(1), new LedgerPosition(rs.getLong(2), rs.getBytes(3)));
                },
                (Object) textArray(eventIdentifiers));
        return positions;
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

    /** Stores disclosures' filter attributes as they stand now, replacing what was stored. */
    void saveFilters(Map<String, DisclosureFilter> filters) {
        if (filters.isEmpty()) {
            return;
        }
        List<Object[]> rows = filters.entrySet().stream()
                .map(e -> new Object[] {
                    e.getKey(),
                    e.getValue().custodianState(),
                    e.getValue().recipientAgency(),
                    e.getValue().purpose(),
                    e.getValue().dataCategories()
                })
                .toList();
        jdbc.batchUpdate("""
                        insert into stream_disclosure (disclosure_id, custodian_state, recipient_agency_id,
                            purpose_code, data_categories)
                        values (?, ?, ?, ?, ?)
                        on conflict (disclosure_id) do update set custodian_state = excluded.custodian_state,
                            recipient_agency_id = excluded.recipient_agency_id,
                            purpose_code = excluded.purpose_code,
                            data_categories = excluded.data_categories""", rows);
    }

    /**
     * The largest tree size whose checkpoint the topic has, locking the progress row until the transaction ends so
     * that one publisher at a time publishes checkpoints. Must run in a transaction.
     */
    long lockCheckpointProgress() {
        return jdbc.queryForObject(
                "select published_tree_size from stream_checkpoint_progress where id = 1 for update", Long.class);
    }

    /** Records that the entries at these ledger indexes are on the disclosures topic. */
    void entriesPublished(Collection<Long> ledgerIndexes) {
        if (ledgerIndexes.isEmpty()) {
            return;
        }
        jdbc.update(
                "insert into stream_published_entry (ledger_index) select unnest(?::bigint[]) on conflict do nothing",
                (Object) ledgerIndexes.toArray(new Long[0]));
    }

    /**
     * Moves the count of entries known to be on the disclosures topic over the published entries that follow it
     * without a gap, forgets those, and returns the count: every ledger index below it is on the topic. Must run in
     * the transaction that locked the progress row.
     */
    long advancePublishedEntries() {
        long published = jdbc.queryForObject(
                "select published_entries from stream_checkpoint_progress where id = 1", Long.class);
        Long contiguous = jdbc.query(
                "select ledger_index from stream_published_entry where ledger_index >= ? order by ledger_index",
                rs -> {
                    long next = published;
                    while (rs.next() && rs.getLong(1) == next) {
                        next++;
                    }
                    return next;
                },
                published);
        if (contiguous > published) {
            jdbc.update("delete from stream_published_entry where ledger_index < ?", contiguous);
            jdbc.update("update stream_checkpoint_progress set published_entries = ? where id = 1", contiguous);
        }
        return contiguous;
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
