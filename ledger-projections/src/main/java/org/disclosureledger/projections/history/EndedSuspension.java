package org.disclosureledger.projections.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.disclosureledger.core.disclosure.FollowOnId;

/**
 * A suspension that held an entry back and is over, so the person sees the entry and can learn that it was withheld:
 * either its date came ({@code liftedAt} is null) or it was lifted early.
 *
 * @param until         the day the suspension was to end
 * @param authority     the order or statute it rested on
 * @param liftId        the lift, or null when the suspension ran to its date
 * @param liftedAt      when the ledger recorded the lift, or null
 * @param liftAuthority on whose authority it was lifted, or null
 * @param liftReason    why it was lifted, or null
 */
public record EndedSuspension(
        LocalDate until,
        String authority,
        FollowOnId liftId,
        Instant liftedAt,
        String liftAuthority,
        String liftReason) {

    public EndedSuspension {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(authority, "authority");
    }

    /** Whether the suspension was lifted before its date rather than running out. */
    public boolean lifted() {
        return liftedAt != null;
    }
}
