package org.disclosureledger.core.access;

/** What of a person's records was read. */
public enum AccessedRecord {
    /** Their history of disclosures. */
    HISTORY,
    /** Their printable Accounting of Disclosures (HTML or PDF). */
    ACCOUNTING_PDF,
    /** Their FHIR export. */
    FHIR_EXPORT,
    /** Their proof of being in a bulk disclosure's manifest. */
    MEMBERSHIP_PROOF
}
