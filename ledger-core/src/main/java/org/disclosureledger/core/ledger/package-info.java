/**
 * The ledger's entries: the canonical envelope of one stored event, whose RFC 9162 leaf hash puts the event in the
 * ledger's Merkle tree. Anyone holding an event exactly as stored can recompute its leaf hash with this package alone.
 */
package org.disclosureledger.core.ledger;
