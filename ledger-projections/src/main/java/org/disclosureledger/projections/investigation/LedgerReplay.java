package org.disclosureledger.projections.investigation;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the ledger's entries with their stored events, in ledger-index order from 0 up to a tree size, streamed with
 * a JDBC fetch size inside one read-only transaction (PostgreSQL only streams a result with auto-commit off), so only
 * a fetch's worth of rows is in memory at a time.
 */
final class LedgerReplay {

    /** Receives one entry; called in ledger-index order. */
    @FunctionalInterface
    interface EntryConsumer {
        void accept(long ledgerIndex, String payloadType, String aggregateIdentifier, byte[] payload);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    LedgerReplay(DataSource dataSource, PlatformTransactionManager transactions, int fetchSize) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(fetchSize);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Feeds the entries {@code [0, treeSize)} to {@code consumer}, in index order. */
    void replay(long treeSize, EntryConsumer consumer) {
        readOnly.executeWithoutResult(status -> jdbc.query(
                """
                        select e.ledger_index, d.payload_type, d.aggregate_identifier, d.payload
                        from ledger_entry e join domain_event_entry d on d.event_identifier = e.event_identifier
                        where e.ledger_index < ? order by e.ledger_index""",
                rs -> {
                    consumer.accept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4));
                },
                treeSize));
    }
}
