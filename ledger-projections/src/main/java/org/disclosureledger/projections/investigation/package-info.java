/**
 * Investigations: a regulator's question about the past (a scope of disclosures, a rulebook to judge them under, an
 * "as of" checkpoint), answered by replaying the ledger from its first entry into a disposable in-memory projection
 * that never touches the live read models. The result is a canonical, hashed report naming the checkpoint it was
 * computed against, and an evidence bundle a third party can verify offline. See {@code docs/investigations.md}.
 */
package org.disclosureledger.projections.investigation;
