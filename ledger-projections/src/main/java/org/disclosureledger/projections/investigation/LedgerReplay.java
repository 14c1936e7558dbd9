package org.disclosureledger.projections.investigation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.disclosureledger.projections.eventstore.RequestConnections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the ledger's entries with their stored events, in ledger-index order from 0 up to a tree size, streamed with
 * a JDBC fetch size inside one read-only transaction (PostgreSQL only streams a result with auto-commit off). Rows
 * are read on a helper thread and handed over in small batches through a bounded queue, so that reading the next
 * rows overlaps with deserialising and folding the previous ones, and at most a few batches are in memory at a time.
 */
final class LedgerReplay {

    /** Receives one entry; called in ledger-index order, on the thread that called {@link #replay}. */
    @FunctionalInterface
    interface EntryConsumer {
        void accept(long ledgerIndex, String payloadType, String aggregateIdentifier, byte[] payload);
    }

    /** The replaying thread was interrupted (the ledger is stopping). */
    static final class ReplayInterrupted extends RuntimeException {}

    private static final int BATCH = 500;
    private static final int BATCHES_AHEAD = 8;

    private record Row(long index, String type, String aggregate, byte[] payload) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ExecutorService readers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(RequestConnections.serving(task), "investigation-reader");
        thread.setDaemon(true);
        return thread;
    });

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
        BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        Future<?> reading = readers.submit(() -> read(treeSize, queue));
        try {
            while (true) {
                List<Row> batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    for (Row row : batch) {
                        consumer.accept(row.index(), row.type(), row.aggregate(), row.payload());
                    }
                } else if (reading.isDone() && queue.isEmpty()) {
                    reading.get();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayInterrupted();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("reading the ledger failed", e.getCause());
        } finally {
            reading.cancel(true);
        }
    }

    void close() {
        readers.shutdownNow();
    }

    private void read(long treeSize, BlockingQueue<List<Row>> queue) {
        List<List<Row>> pending = new ArrayList<>(1);
        pending.add(new ArrayList<>(BATCH));
        readOnly.executeWithoutResult(status -> jdbc.query(
                """
                        select e.ledger_index, d.payload_type, d.aggregate_identifier, d.payload
                        from ledger_entry e join domain_event_entry d on d.event_identifier = e.event_identifier
                        where e.ledger_index < ? order by e.ledger_index""",
                rs -> {
                    List<Row> batch = pending.get(0);
                    batch.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)));
                    if (batch.size() == BATCH) {
                        put(queue, batch);
                        pending.set(0, new ArrayList<>(BATCH));
                    }
                },
                treeSize));
        if (!pending.get(0).isEmpty()) {
            put(queue, pending.get(0));
        }
    }

    private static void put(BlockingQueue<List<Row>> queue, List<Row> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayInterrupted();
        }
    }
}
