/**
 * "Who looked at my history": the read model of {@code HistoryAccessed} events, one row per read of a person's
 * records ({@code history_access}), the query that lists a person's, newest first, and
 * {@link org.disclosureledger.projections.access.HistoryAccessRebuild}, which rebuilds the table from the event store.
 */
package org.disclosureledger.projections.access;
