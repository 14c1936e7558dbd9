package org.disclosureledger.watchdog.store;

import org.disclosureledger.core.merkle.Sha256Hash;

/** A checkpoint in the store, with where it came from. */
public record HeldCheckpoint(
        long number, long treeSize, Sha256Hash rootHash, CheckpointStatus status, long receivedAt, String source) {}
