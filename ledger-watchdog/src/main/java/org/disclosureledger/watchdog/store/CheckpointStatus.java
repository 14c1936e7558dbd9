package org.disclosureledger.watchdog.store;

/** Where a received checkpoint stands. */
public enum CheckpointStatus {
    /** Signed by the pinned key; its consistency with the checkpoints held is not checked yet. */
    PENDING,
    /** Signed and consistent with every checkpoint held: it is held. */
    VERIFIED,
    /** Refused; an alarm says why. */
    REJECTED
}
