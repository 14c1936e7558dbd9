package org.disclosureledger.core.disclosure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The recipient was asked to destroy what it received.
 *
 * @param dueBy the date destruction should be certified by, or null
 */
public record DestructionRequested(
        DisclosureId disclosureId,
        FollowOnId requestId,
        String requestedBy,
        String authority,
        LocalDate dueBy,
        Instant requestedAt,
        String requestDigest) {}
