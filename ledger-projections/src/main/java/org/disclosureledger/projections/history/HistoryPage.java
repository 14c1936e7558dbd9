package org.disclosureledger.projections.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One page of a person's history. Withheld entries come first (ordered by the day they end, so that their place in
 * the list says nothing about when they happened), then visible entries newest first by their current occurred-at,
 * ties broken by disclosure id, descending. The order is total, so the same request on unchanged data returns the
 * same page.
 *
 * @param entries      this page's entries, at most the page size
 * @param page         which page, from 0
 * @param pageSize     the page size asked for
 * @param totalEntries how many entries all pages hold together
 * @param asOf         the day (UTC) the history was read on: suspensions in force on it are withheld
 * @param since        the first day of the window (disclosures on or after it, in UTC), or null for the whole history
 */
public record HistoryPage(
        List<HistoryEntry> entries, int page, int pageSize, long totalEntries, LocalDate asOf, LocalDate since) {

    public HistoryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(asOf, "asOf");
    }

    /** Whether a later page holds more entries. */
    public boolean hasNextPage() {
        return (long) (page + 1) * pageSize < totalEntries;
    }

    /** How many pages of this size the history fills (at least 1, an empty first page). */
    public int pageCount() {
        return (int) Math.max(1, (totalEntries + pageSize - 1) / pageSize);
    }
}
