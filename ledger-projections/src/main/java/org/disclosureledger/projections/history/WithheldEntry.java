package org.disclosureledger.projections.history;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A disclosure the person may not see yet (45 CFR 164.528(a)(2)): shown as "withheld until {@code until} under
 * {@code authority}" and nothing more. It deliberately carries no disclosure id, date, recipient or anything else from
 * which the disclosure could be told apart.
 *
 * @param until     the first day the person may see the entry in full
 * @param authority the order or statute the hold rests on
 */
public record WithheldEntry(LocalDate until, String authority) implements HistoryEntry {

    public WithheldEntry {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(authority, "authority");
    }
}
