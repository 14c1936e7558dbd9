package org.disclosureledger.projections.history;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDisputed;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.SuspensionLifted;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.testing.MutableClock;
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
 * {@link #handleAsOneBatch} puts several in one), numbered per disclosure from 0 as Axon numbers an aggregate's events.
 */
final class ProjectionFixture implements AutoCloseable {

    final MutableClock clock = new MutableClock(HistoryExamples.NOW);
    final JdbcTemplate jdbc;
    final PersonHistoryProjection projection;
    final PersonHistoryQueries queries;

    private final HikariDataSource dataSource;
    private final TransactionTemplate transactions;
    private final Map<String, Long> nextSequence = new HashMap<>();

    private ProjectionFixture(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.projection = new PersonHistoryProjection(jdbc);
        this.queries = new PersonHistoryQueries(jdbc, clock);
    }

    static ProjectionFixture onFreshDatabase() {
        TestDatabase database = SharedPostgres.freshDatabase();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(2);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new ProjectionFixture(dataSource);
    }

    /** Hands each event to its handler, in order, each in its own transaction. */
    void handle(Object... events) {
        for (Object event : events) {
            String disclosure = disclosureOf(event).value();
            long sequence = nextSequence.merge(disclosure, 1L, Long::sum) - 1;
            handleAgain(event, sequence);
        }
    }

    /** Hands each event to its handler twice in a row, as a redelivery after a lost commit acknowledgement would. */
    void handleTwice(Object... events) {
        for (Object event : events) {
            String disclosure = disclosureOf(event).value();
            long sequence = nextSequence.merge(disclosure, 1L, Long::sum) - 1;
            handleAgain(event, sequence);
            handleAgain(event, sequence);
        }
    }

    /** Hands the events to their handlers again, numbered from 0 per disclosure: a replay over existing rows. */
    void replay(Object... events) {
        Map<String, Long> numbers = new HashMap<>();
        for (Object event : events) {
            long sequence = numbers.merge(disclosureOf(event).value(), 1L, Long::sum) - 1;
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
     * {@code between} in the middle, in the batch's transaction (a look at the tables half-way through the batch).
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

    private Runnable handler(Object event, Map<String, Long> sequences) {
        long sequence = sequences.merge(disclosureOf(event).value(), 1L, Long::sum) - 1;
        return () -> dispatch(event, sequence);
    }

    /** Empties the tables through the reset handler, and forgets the sequence numbers handed out. */
    void reset() {
        transactions.executeWithoutResult(status -> projection.onReset());
        nextSequence.clear();
    }

    HistoryPage historyOf(PersonRef person) {
        return queries.historyOf(HistoryRequest.firstPage(person));
    }

    HistoryPage historyOf(HistoryRequest request) {
        return queries.historyOf(request);
    }

    /** The one entry of the person's first page. */
    HistoryEntry onlyEntryOf(PersonRef person) {
        List<HistoryEntry> entries = historyOf(person).entries();
        if (entries.size() != 1) {
            throw new AssertionError("expected exactly one entry, found " + entries);
        }
        return entries.get(0);
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
        } else if (event instanceof BulkDisclosureSealed e) {
            projection.on(e, sequence);
        } else if (event instanceof DisclosureCorrected e) {
            projection.on(e, sequence);
        } else if (event instanceof DisclosureDisputed e) {
            projection.on(e, sequence);
        } else if (event instanceof DestructionRequested e) {
            projection.on(e, sequence);
        } else if (event instanceof DestructionCertified e) {
            projection.on(e, sequence);
        } else if (event instanceof SuspensionLifted e) {
            projection.on(e, sequence);
        } else if (event instanceof DisclosureFlagged e) {
            projection.on(e, sequence);
        } else {
            throw new IllegalArgumentException("not a ledger event: " + event);
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
        } else if (event instanceof DisclosureDisputed e) {
            return e.disclosureId();
        } else if (event instanceof DestructionRequested e) {
            return e.disclosureId();
        } else if (event instanceof DestructionCertified e) {
            return e.disclosureId();
        } else if (event instanceof SuspensionLifted e) {
            return e.disclosureId();
        } else if (event instanceof DisclosureFlagged e) {
            return e.disclosureId();
        }
        throw new IllegalArgumentException("not a ledger event: " + event);
    }
}
