package org.disclosureledger.projections.eventstore;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, except that it answers for an aggregate with no stored event with one look-up
 * ({@link AppendOnlyJpaEventStorageEngine#hasEvents}) instead of a snapshot query and an event query. Every
 * disclosure being recorded is such an aggregate: its command handler is allowed to create it, so Axon first tries to
 * load it, which is how a retried recording finds the disclosure it recorded before. An aggregate that has events is
 * read as Axon reads it, after the look-up; one in the aggregate cache is not read at all. An aggregate without stored
 * events has no snapshot either: snapshots are taken of stored events, and the event table refuses deletions.
 */
final class LedgerEventStore extends EmbeddedEventStore {

    LedgerEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    /**
     * The aggregate's events: stored ones from its newest snapshot on, then those applied in the current unit of work
     * and not yet stored. With no stored event, only the latter, as Axon's store would return them.
     */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        if (storageEngine() instanceof AppendOnlyJpaEventStorageEngine engine
                && !engine.hasEvents(aggregateIdentifier)) {
            return DomainEventStream.of(stagedDomainEventMessages(aggregateIdentifier));
        }
        return super.readEvents(aggregateIdentifier);
    }
}
