package org.disclosureledger.watchdog.check;

/** What kind of failure an alarm reports. */
public enum AlarmKind {
    /** A checkpoint whose signature does not verify with the pinned key, or that names another origin. */
    BAD_SIGNATURE,
    /** A second checkpoint of a tree size already held, with another root. */
    FORK,
    /** A checkpoint the ledger cannot prove consistent with the one held. */
    INCONSISTENT_CHECKPOINT,
    /** An event whose leaf hash the ledger cannot prove is at its index under a verified checkpoint. */
    INCLUSION_FAILED,
    /** Ledger indexes below a verified checkpoint's size that never arrived. */
    MISSING_ENTRIES,
    /** A disclosure event whose predecessor in its disclosure never arrived. */
    SEQUENCE_GAP,
    /** Two events that claim the same ledger index. */
    INDEX_CONFLICT,
    /** A message that could not be read; it is kept aside in the store. */
    UNREADABLE_MESSAGE,
    /** The ledger serves another public key than the pinned one. */
    KEY_MISMATCH
}
