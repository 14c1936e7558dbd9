/**
 * The verifiable ledger: the sequencer that gives every stored event a gapless ledger index and a leaf hash, the
 * Merkle tree kept over those leaves in PostgreSQL, and the signed checkpoints that let anyone outside check that the
 * ledger only ever grew. The format of a leaf and a checkpoint is in {@code docs/integrity.md}.
 */
package org.disclosureledger.projections.integrity;
