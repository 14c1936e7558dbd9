/**
 * "Who looked at my history": the read model of {@code HistoryAccessed} events, one row per read of a person's
 * records ({@code history_access}), and the query that lists a person's, newest first.
 */
package org.disclosureledger.projections.access;
