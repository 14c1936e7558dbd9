package org.disclosureledger.api.history;

/**
 * Who is asking and which page: state and Medicaid id (turned into a person reference at once, never stored or
 * logged), whether to include the whole history instead of the last six years, and the page.
 */
public record HistoryLookup(String state, String medicaidId, Boolean wholeHistory, Integer page, Integer pageSize) {

    @Override
    public String toString() {
        return "HistoryLookup[redacted]";
    }
}
