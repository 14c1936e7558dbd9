package org.disclosureledger.core.rulebook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A range of whole days in UTC, from its first day to its last day inclusive; an open end when {@code until} is null.
 * Orders and agreements are dated by day: an order "effective 2025-08-12" covers that whole day.
 */
record Period(LocalDate from, LocalDate until) {

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }

    /** Whether the instants from {@code start} to {@code end} all fall on days this period covers. */
    boolean coversSpan(Instant start, Instant end) {
        return covers(dayOf(start)) && covers(dayOf(end));
    }

    String describe() {
        return until == null ? "from " + from : "from " + from + " to " + until;
    }
}
