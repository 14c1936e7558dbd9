package org.disclosureledger.projections.stream;

import java.time.Instant;

/**
 * A stored disclosure event as the publisher receives it from the relay, read into its class.
 *
 * @param eventIdentifier the event's identifier in the event store, which becomes the message id
 * @param sequenceNumber  the event's position within its disclosure, from 0
 * @param storedAt        when the ledger stored it
 * @param payload         the event itself, one of the ledger's event records
 */
record StoredDisclosureEvent(String eventIdentifier, long sequenceNumber, Instant storedAt, Object payload) {}
