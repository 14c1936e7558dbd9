package org.disclosureledger.projections.history;

import java.time.Instant;
import java.time.LocalDate;
import org.disclosureledger.core.disclosure.FollowOnId;

/**
 * A request that the recipient destroy what it received.
 *
 * @param requestedBy who asked (a court, an attorney general, the custodian)
 * @param authority   the order, statute or decision the request rests on
 * @param dueBy       the date destruction should be certified by, or null
 * @param requestedAt when the ledger recorded the request
 */
public record DestructionRequest(
        FollowOnId requestId, String requestedBy, String authority, LocalDate dueBy, Instant requestedAt) {}
