package org.disclosureledger.projections.stream;

import org.axonframework.eventhandling.DomainEventData;

/**
 * A ledger entry as the relay reads it: its place in the ledger and its event as stored, not yet read.
 *
 * @param position the entry's ledger index and leaf hash
 * @param stored   the event's row in the event store, as stored ({@link StoredEvents} reads it)
 */
record LedgerEntryEvent(LedgerPosition position, DomainEventData<byte[]> stored) {}
