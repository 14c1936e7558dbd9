/**
 * The ledger's event store: Axon's JPA storage engine on PostgreSQL over append-only tables (UPDATE, DELETE and
 * TRUNCATE refused by triggers, payloads as {@code bytea} JSON), the serializer that stores the ledger's events under
 * stable names documented in {@code docs/events.md}, the registration of the {@code Disclosure} aggregate with its
 * snapshots and cache, the store's one look-up for an aggregate that has no event yet ({@link LedgerEventStore}), each
 * processor's lag behind the store ({@link ProcessorLag}), the bound on lock waits ({@link LockTimeout}), the database
 * connections kept for requests apart from the background work's ({@link RequestConnections}), the queries planned for
 * each call's values ({@link PlannedPerCall}) and the random identifiers of Axon's messages
 * ({@link ThreadOwnIdentifierFactory}).
 * {@link EventStoreConfiguration} is the entry point; the schema is in {@code db/migration}.
 */
package org.disclosureledger.projections.eventstore;
