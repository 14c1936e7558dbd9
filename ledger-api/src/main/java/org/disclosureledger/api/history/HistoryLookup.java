package org.disclosureledger.api.history;

/**
 * An official's look-up: whose history (state and Medicaid id, turned into a person reference at once, never stored
 * or logged), why (the stated purpose, recorded and shown to the person), whether to include the whole history
 * instead of the last six years, and the page.
 */
public record HistoryLookup(
        String state, String medicaidId, String purpose, Boolean wholeHistory, Integer page, Integer pageSize) {

    @Override
    public String toString() {
        return "HistoryLookup[redacted]";
    }
}
