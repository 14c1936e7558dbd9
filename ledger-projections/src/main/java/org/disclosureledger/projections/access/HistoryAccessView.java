package org.disclosureledger.projections.access;

import java.time.Instant;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.ReaderRole;

/** One read of a person's records as the person sees it: when, who, in which role, what and why. */
public record HistoryAccessView(
        Instant accessedAt, String readerSubject, ReaderRole role, AccessedRecord record, String purpose) {}
