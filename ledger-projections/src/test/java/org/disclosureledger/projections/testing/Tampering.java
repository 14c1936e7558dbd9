package org.disclosureledger.projections.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** What an attacker who has the database does to it, for the tests of the ledger's verification. */
public final class Tampering {

    private Tampering() {}

    /** Runs a rewrite with the table's append-only triggers disabled, as someone with the database can. */
    public static void withoutAppendOnlyTriggers(JdbcTemplate jdbc, String table, Runnable rewrite) {
        jdbc.execute("alter table " + table + " disable trigger user");
        try {
            rewrite.run();
        } finally {
            jdbc.execute("alter table " + table + " enable trigger user");
        }
    }

    /**
     * Inserts a copy of a stored event at global index 0, below the sequencer's position, under the event id
     * {@code inserted-event} and the aggregate {@code inserted-disclosure}, with the given time: the append-only
     * triggers do not refuse an INSERT, the sequencer never sequences the row, yet Axon would load it into its
     * aggregate.
     */
    public static void insertEventBelowTheSequencer(JdbcTemplate jdbc, String copiedEventIdentifier, String timeStamp) {
        jdbc.update("""
                        insert into domain_event_entry (global_index, event_identifier, meta_data, payload,
                            payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                        select 0, 'inserted-event', meta_data, payload, payload_revision, payload_type, ?,
                            'inserted-disclosure', 0, type
                        from domain_event_entry where event_identifier = ?""", timeStamp, copiedEventIdentifier);
    }
}
