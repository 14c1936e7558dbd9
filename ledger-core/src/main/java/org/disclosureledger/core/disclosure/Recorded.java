package org.disclosureledger.core.disclosure;

import java.time.Instant;

/**
 * What recording a disclosure (or opening a bulk one) returns: the disclosure, when the ledger recorded it, and
 * whether this call was a retry of an earlier, identical one that is already on record.
 */
public record Recorded(DisclosureId disclosureId, Instant recordedAt, boolean retry) {}
