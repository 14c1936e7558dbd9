/**
 * Rebuilding a read model from the event store: what every projection offers operators when its tables must be
 * recomputed (a bug fix, a new column), by rewinding its processor's tokens to the start of the ledger.
 */
package org.disclosureledger.projections.rebuild;
