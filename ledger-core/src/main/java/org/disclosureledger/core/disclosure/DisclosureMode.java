package org.disclosureledger.core.disclosure;

/** How the data reached the recipient. */
public enum DisclosureMode {
    BULK_FILE,
    QUERY_ACCESS,
    API,
    PAPER
}
