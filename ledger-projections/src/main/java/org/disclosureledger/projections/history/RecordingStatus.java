package org.disclosureledger.projections.history;

/** How far the recording of a disclosure has got: whether more subjects may still be attached to it. */
public enum RecordingStatus {
    /** A single disclosure: recorded whole, complete from the start. */
    RECORDED,
    /** A bulk disclosure still taking chunks of subjects; its subject count is the count so far. */
    OPEN,
    /** A bulk disclosure that was sealed: its subjects and their manifest root are final. */
    SEALED
}
