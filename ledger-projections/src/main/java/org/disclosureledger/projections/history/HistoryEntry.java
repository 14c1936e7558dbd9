package org.disclosureledger.projections.history;

/**
 * One disclosure in a person's history, as that person may see it: either in full ({@link VisibleEntry}), or, while a
 * lawful suspension is in force, only as existing ({@link WithheldEntry}).
 */
public sealed interface HistoryEntry permits VisibleEntry, WithheldEntry {}
