package org.disclosureledger.projections.access;

import java.time.Instant;

/** One read of a person's records as the person sees it: when, who, in which role, what and why. */
public record HistoryAccessView(Instant accessedAt, String readerSubject, String role, String record, String purpose) {}
