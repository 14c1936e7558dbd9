package org.disclosureledger.watchdog.store;

/** Where an event stands in its verification. */
public enum EventStatus {
    /** No verified checkpoint covers its ledger index yet. */
    PENDING,
    /** Its inclusion was proved under a verified checkpoint. */
    VERIFIED,
    /** Its inclusion could not be proved; an alarm was raised. */
    FAILED
}
