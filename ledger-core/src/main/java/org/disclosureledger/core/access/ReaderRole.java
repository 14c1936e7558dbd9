package org.disclosureledger.core.access;

/** The role under which someone read a person's records. */
public enum ReaderRole {
    /** The person themselves. */
    ENROLLEE,
    /** A state auditor, within their states, with a stated purpose. */
    AUDITOR,
    /** A regulator. */
    REGULATOR,
    /** An operator of the ledger, with a stated purpose. */
    ADMIN
}
