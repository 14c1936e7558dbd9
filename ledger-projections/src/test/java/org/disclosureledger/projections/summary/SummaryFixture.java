package org.disclosureledger.projections.summary;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.projections.testing.OneBatch;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection and the query service as plain objects, on a fresh PostgreSQL database migrated by Flyway. Events
 * are handed to the handlers directly, each in its own unit of work and transaction (a processor's batch of one, unless
 * {@link #handleAsOneBatch} puts several in one), numbered per
 * disclosure from 0 as Axon numbers an aggregate's events. The bulk disclosure's seal has no handler here, as in the
 * projection, but still takes a number.
 */
final class SummaryFixture implements AutoCloseable {

    final JdbcTemplate jdbc;
    final AgencySummaryProjection projection;
    final AgencySummaryQueries queries;

    private final HikariDataSource dataSource;
    private final TransactionTemplate transactions;
    // Concurrent: two threads may hand batches of different disclosures to the projection at once.
    private final Map<String, Long> nextSequence = new ConcurrentHashMap<>();

    private SummaryFixture(HikariDataSource dataSource, int mostPeopleDroppedByKey) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.projection = new AgencySummaryProjection(jdbc, mostPeopleDroppedByKey);
        this.queries = new AgencySummaryQueries(jdbc);
    }

    static SummaryFixture onFreshDatabase() {
        return onFreshDatabase(new HikariDataSource(), AgencySummaryProjection.MOST_PEOPLE_DROPPED_BY_KEY);
    }

    /**
     * As {@link #onFreshDatabase()}, with PostgreSQL cancelling any statement that runs longer than the limit (a guard
     * for tests whose failure would otherwise be a statement running for hours, not a bound on how fast anything is),
     * and a projection that drops the empty memberships of disclosures of more than {@code mostPeopleDroppedByKey}
     * people by sweeping their group.
     */
    static SummaryFixture onFreshDatabaseCancellingStatementsAfter(Duration limit, int mostPeopleDroppedByKey) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setConnectionInitSql("SET statement_timeout = " + limit.toMillis());
        return onFreshDatabase(dataSource, mostPeopleDroppedByKey);
    }

    private static SummaryFixture onFreshDatabase(HikariDataSource dataSource, int mostPeopleDroppedByKey) {
        TestDatabase database = SharedPostgres.freshDatabase();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(2);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new SummaryFixture(dataSource, mostPeopleDroppedByKey);
    }

    /** Hands each event to its handler, in order, each in its own transaction. */
    void handle(Object... events) {
        for (Object event : events) {
            long sequence = nextSequence.merge(disclosureOf(event).value(), 1L, Long::sum) - 1;
            handleAgain(event, sequence);
        }
    }

    /** Hands each event to its handler twice in a row, as a redelivery after a lost commit acknowledgement would. */
    void handleTwice(Object... events) {
        for (Object event : events) {
            long sequence = nextSequence.merge(disclosureOf(event).value(), 1L, Long::sum) - 1;
            handleAgain(event, sequence);
            handleAgain(event, sequence);
        }
    }

    /** Hands an event to its handler under a given sequence number, as a redelivery or a replay would. */
    void handleAgain(Object event, long sequence) {
        OneBatch.run(transactions, () -> dispatch(event, sequence));
    }

    /** Hands all the events to their handlers, in order, in one unit of work and transaction, as one batch. */
    void handleAsOneBatch(Object... events) {
        handleAsOneBatch(List.of(events), () -> {}, List.of());
    }

    /**
     * Hands the first events and then the others to their handlers in one unit of work and transaction, running
     * {@code between} in the middle (a pause, to line two batches up against each other).
     */
    void handleAsOneBatch(List<Object> first, Runnable between, List<Object> then) {
        Map<String, Long> sequences = new HashMap<>(nextSequence);
        List<Runnable> handlers = new ArrayList<>();
        first.forEach(event -> handlers.add(handler(event, sequences)));
        handlers.add(between);
        then.forEach(event -> handlers.add(handler(event, sequences)));
        OneBatch.run(transactions, () -> handlers.forEach(Runnable::run));
        nextSequence.putAll(sequences);
    }

    /**
     * Hands the events to their handlers again in one unit of work and transaction, numbered from 0 per disclosure: a
     * batch redelivered over rows some of its events already wrote.
     */
    void replayAsOneBatch(Object... events) {
        Map<String, Long> sequences = new HashMap<>();
        List<Runnable> handlers = new ArrayList<>();
        for (Object event : events) {
            handlers.add(handler(event, sequences));
        }
        OneBatch.run(transactions, () -> handlers.forEach(Runnable::run));
    }

    private Runnable handler(Object event, Map<String, Long> sequences) {
        long sequence = sequences.merge(disclosureOf(event).value(), 1L, Long::sum) - 1;
        return () -> dispatch(event, sequence);
    }

    /** A transaction on the fixture's database, with no unit of work around it. */
    TransactionTemplate transactions() {
        return transactions;
    }

    /** Empties the tables through the reset handler, and forgets the sequence numbers handed out. */
    void reset() {
        transactions.executeWithoutResult(status -> projection.onReset());
        nextSequence.clear();
    }

    List<SummaryCell> cellsOf(String agency) {
        return queries.breakdown(BreakdownRequest.all(new AgencyId(agency)))
                .map(AgencyBreakdown::cells)
                .orElse(List.of());
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private void dispatch(Object event, long sequence) {
        if (event instanceof DisclosureRecorded e) {
            projection.on(e, sequence);
        } else if (event instanceof BulkDisclosureOpened e) {
            projection.on(e, sequence);
        } else if (event instanceof BulkSubjectsAttached e) {
            projection.on(e, sequence);
        } else if (event instanceof BulkDisclosureSealed) {
            // The summaries have nothing to change when a bulk disclosure is sealed.
        } else if (event instanceof DisclosureCorrected e) {
            projection.on(e, sequence);
        } else if (event instanceof DestructionRequested e) {
            projection.on(e, sequence);
        } else if (event instanceof DestructionCertified e) {
            projection.on(e, sequence);
        } else if (event instanceof DisclosureFlagged e) {
            projection.on(e, sequence);
        } else {
            throw new IllegalArgumentException("not an event the agency summaries handle: " + event);
        }
    }

    private static DisclosureId disclosureOf(Object event) {
        if (event instanceof DisclosureRecorded e) {
            return e.disclosureId();
        } else if (event instanceof BulkDisclosureOpened e) {
            return e.disclosureId();
        } else if (event instanceof BulkSubjectsAttached e) {
            return e.disclosureId();
        } else if (event instanceof BulkDisclosureSealed e) {
            return e.disclosureId();
        } else if (event instanceof DisclosureCorrected e) {
            return e.disclosureId();
        } else if (event instanceof DestructionRequested e) {
            return e.disclosureId();
        } else if (event instanceof DestructionCertified e) {
            return e.disclosureId();
        } else if (event instanceof DisclosureFlagged e) {
            return e.disclosureId();
        }
        throw new IllegalArgumentException("not an event the agency summaries handle: " + event);
    }
}
