package org.disclosureledger.projections.eventstore;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * Axon's JPA event storage engine for tables that only ever grow. Events are appended exactly as Axon does; a
 * snapshot is only inserted, never merged over an older one, and older snapshots are kept rather than deleted, because
 * the database refuses UPDATE and DELETE on the snapshot table. Loading still uses the newest snapshot only.
 *
 * <p>A snapshot that already exists for the same aggregate and sequence number (another node, or a second trigger,
 * took it first) is skipped. A snapshot that can no longer be read (its aggregate changed shape in a way the revision
 * filter did not catch) is reported when loading rather than later, so the event store falls back to replaying the
 * events instead of failing the command.
 */
public class AppendOnlyJpaEventStorageEngine extends JpaEventStorageEngine {

    /**
     * Builds the engine from a configured Axon builder.
     *
     * @param builder the builder, with at least the serializers, entity manager provider and transaction manager set
     */
    public AppendOnlyJpaEventStorageEngine(JpaEventStorageEngine.Builder builder) {
        super(builder);
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
