package org.disclosureledger.projections.eventstore;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.hibernate.Session;

/**
 * Axon's JPA event storage engine for tables that only ever grow. Events are appended as the rows Axon's entity
 * stores, in plain JDBC ({@link #appendEvents}); a snapshot is only inserted, never merged over an older one, and older
 * snapshots are kept rather than deleted, because the database refuses UPDATE and DELETE on the snapshot table.
 * Loading still uses the newest snapshot only.
 *
 * <p>A snapshot that already exists for the same aggregate and sequence number (another node, or a second trigger,
 * took it first) is skipped. A snapshot that can no longer be read (its aggregate changed shape in a way the revision
 * filter did not catch) is reported when loading rather than later, so the event store falls back to replaying the
 * events instead of failing the command.
 *
 * <p>Events for the processors are read past a token's gaps in two index range reads rather than Axon's one
 * statement, whose {@code OR} PostgreSQL could only answer by walking the whole event table's index (see
 * {@link #fetchEvents}).
 *
 * <p>Whether an aggregate has any event at all is one look-up ({@link #hasEvents}), with which the event store answers
 * for an aggregate that does not exist yet ({@link LedgerEventStore}).
 */
public class AppendOnlyJpaEventStorageEngine extends JpaEventStorageEngine {

    /**
     * Any one of an aggregate's events, if it has one: an equality on the first column of the unique index on aggregate
     * and sequence number, which PostgreSQL reads through that index even with a plan it keeps for any aggregate, made
     * while the table was new and never analysed ({@code LedgerEventStoreTest} checks the plan).
     */
    static final String ANY_EVENT_OF_AGGREGATE =
            "SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? LIMIT 1";

    /**
     * One event's row, its global index the sequence's next value, as Hibernate takes it for Axon's entity; the
     * columns are those Axon's entity maps ({@code V1__event_store.sql}).
     */
    static final String APPEND_EVENT = "INSERT INTO domain_event_entry (global_index, aggregate_identifier,"
            + " sequence_number, type, event_identifier, time_stamp, payload_type, payload_revision, payload,"
            + " meta_data) VALUES (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final TransactionManager transactions;

    /**
     * Builds the engine from a configured Axon builder.
     *
     * @param builder the builder, with at least the serializers, entity manager provider and transaction manager set
     * @param transactions the builder's transaction manager, which Axon's builder does not hand back
     */
    public AppendOnlyJpaEventStorageEngine(JpaEventStorageEngine.Builder builder, TransactionManager transactions) {
        super(builder);
        this.transactions = transactions;
    }

    /**
     * Whether the aggregate has any stored event, committed or appended earlier in the current transaction (this
     * engine writes every append at once, see {@link #appendEvents}): one index look-up, in plain JDBC on the
     * transaction's own connection. Axon's way to find out loads the aggregate, with a snapshot query and an event
     * query through Hibernate, which for a disclosure being recorded (an aggregate that does not exist yet) was 7.5%
     * of the request threads' CPU samples in a profile of 16 clients recording disclosures.
     *
     * @param aggregateIdentifier the aggregate's identifier
     * @return true if at least one of its events is stored
     */
    public boolean hasEvents(String aggregateIdentifier) {
        return transactions.fetchInTransaction(() -> entityManager()
                .unwrap(Session.class)
                .doReturningWork(connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(ANY_EVENT_OF_AGGREGATE)) {
                        statement.setString(1, aggregateIdentifier);
                        try (ResultSet first = statement.executeQuery()) {
                            return first.next();
                        }
                    }
                }));
    }

    /**
     * Appends the events as Axon's entities would store them, each row's values from Axon's own entity (its time
     * formatted from the event's, as the entity formats it), in plain JDBC on the transaction's own connection: one
     * statement per event, its global index taken in the statement. Axon persists each entity through Hibernate, which
     * first takes the index from the sequence in a statement of its own and then flushes the entity; that path was 9%
     * of the request threads' CPU samples in a profile of 16 clients recording disclosures. The rows are written at
     * once, as Axon's explicit flush (its default) writes them, so that {@link #hasEvents} and Axon's reads later in
     * the transaction see them. A row that breaks a unique key (the same aggregate and sequence number, appended by a
     * racing request) is reported as Axon reports it.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            try {
                entityManager().unwrap(Session.class).doWork(connection -> {
                    try (PreparedStatement append = connection.prepareStatement(APPEND_EVENT)) {
                        for (EventMessage<?> event : events) {
                            DomainEventEntry entry = (DomainEventEntry) createEventEntity(event, serializer);
                            SerializedObject<byte[]> payload = entry.getPayload();
                            append.setString(1, entry.getAggregateIdentifier());
                            append.setLong(2, entry.getSequenceNumber());
                            append.setString(3, entry.getType());
                            append.setString(4, entry.getEventIdentifier());
                            append.setString(5, DateTimeUtils.formatInstant(event.getTimestamp()));
                            append.setString(6, payload.getType().getName());
                            append.setString(7, payload.getType().getRevision());
                            append.setBytes(8, payload.getData());
                            append.setBytes(9, entry.getMetaData().getData());
                            append.executeUpdate();
                        }
                    }
                });
            } catch (Exception e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        try {
            EntityManager entityManager = entityManager();
            boolean stored = !entityManager
                    .createQuery(
                            "SELECT e.sequenceNumber FROM " + snapshotEventEntryEntityName() + " e "
                                    + "WHERE e.aggregateIdentifier = :aggregateIdentifier "
                                    + "AND e.sequenceNumber = :sequenceNumber AND e.type = :type",
                            Long.class)
                    .setParameter("aggregateIdentifier", snapshot.getAggregateIdentifier())
                    .setParameter("sequenceNumber", snapshot.getSequenceNumber())
                    .setParameter("type", snapshot.getType())
                    .setMaxResults(1)
                    .getResultList()
                    .isEmpty();
            if (stored) {
                return;
            }
            entityManager.persist(createSnapshotEntity(snapshot, serializer));
            entityManager.flush();
        } catch (Exception e) {
            handlePersistenceException(e, snapshot);
        }
    }

    /**
     * The events after a processor's token, in global index order, at most a batch: those in the token's gaps (global
     * indexes below its position that were not committed when it passed them), then those after its position. Axon
     * asks for both in one statement ({@code globalIndex > :token OR globalIndex IN :gaps ORDER BY globalIndex} with a
     * limit), for which PostgreSQL picks a walk along the primary key from its first entry, filtering as it goes, as
     * soon as it expects the limit to be reached early: with the processor a few hundred events behind, every read
     * walked the whole table (23 ms at 200,000 events, about a millisecond more per 10,000). Each part alone is a range
     * read of the index. The rows are the same, in the same order, as Axon's statement returns.
     */
    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken previousToken) {
        if (previousToken == null || previousToken.getGaps().isEmpty()) {
            return super.fetchEvents(previousToken);
        }
        String columns = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, e.eventIdentifier,"
                + " e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM "
                + domainEventEntryEntityName() + " e WHERE ";
        // Every gap is below the token's position, so the gaps' rows come first in global index order.
        List<Object[]> rows = new ArrayList<>(entityManager()
                .createQuery(columns + "e.globalIndex IN :gaps ORDER BY e.globalIndex ASC", Object[].class)
                .setParameter("gaps", previousToken.getGaps())
                .setMaxResults(batchSize())
                .getResultList());
        if (rows.size() < batchSize()) {
            rows.addAll(entityManager()
                    .createQuery(columns + "e.globalIndex > :token ORDER BY e.globalIndex ASC", Object[].class)
                    .setParameter("token", previousToken.getIndex())
                    .setMaxResults(batchSize() - rows.size())
                    .getResultList());
        }
        return rows;
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
        // The payload is deserialised lazily; forcing it here puts a failure where the event store ignores the
        // snapshot and replays the events, instead of in the middle of loading the aggregate.
        if (snapshot.isPresent() && snapshot.get().getPayload() instanceof UnknownSerializedType unknown) {
            throw new SerializationException("the snapshot of aggregate " + aggregateIdentifier + " has type "
                    + unknown.serializedType() + ", which is not a class this application knows");
        }
        return snapshot;
    }
}
