package org.disclosureledger.watchdog.store;

import org.disclosureledger.core.merkle.Sha256Hash;

/** An event waiting for its inclusion proof. */
public record PendingEvent(String id, long ledgerIndex, Sha256Hash leafHash, String source) {}
