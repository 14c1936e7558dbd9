package org.disclosureledger.projections.stream;

/**
 * Where the sequencer put a stored event in the ledger: its ledger index (its leaf in the Merkle tree) and its leaf
 * hash, which every disclosure message carries so that a watchdog can prove it against a signed checkpoint.
 */
record LedgerPosition(long ledgerIndex, byte[] leafHash) {}
