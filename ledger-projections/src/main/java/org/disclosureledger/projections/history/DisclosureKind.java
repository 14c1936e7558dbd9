package org.disclosureledger.projections.history;

/** How a disclosure's subjects were recorded: all at once, or as a bulk manifest in chunks. */
public enum DisclosureKind {
    /** Recorded whole, with all its subjects ({@code DisclosureRecorded}). */
    SINGLE,
    /** Opened, filled with chunks of subjects and sealed ({@code BulkDisclosureOpened} and what follows). */
    BULK
}
