package org.disclosureledger.watchdog.stream;

/**
 * A signed checkpoint as the stream announces it, not yet checked: the note text exactly as the ledger serves it and
 * the tree size the message claims.
 */
public record CheckpointMessage(String id, long treeSize, String signedNote) implements StreamMessage {}
