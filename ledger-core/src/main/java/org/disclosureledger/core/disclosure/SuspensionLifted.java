package org.disclosureledger.core.disclosure;

import java.time.Instant;

/** A disclosure's suspension ended before its date; its subjects now see it in full. */
public record SuspensionLifted(
        DisclosureId disclosureId,
        FollowOnId liftId,
        String authority,
        String reason,
        Instant liftedAt,
        String requestDigest) {}
