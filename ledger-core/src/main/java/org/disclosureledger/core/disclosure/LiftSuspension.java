package org.disclosureledger.core.disclosure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a disclosure's suspension before its date, so its subjects can see it in full. */
public record LiftSuspension(
        @TargetAggregateIdentifier DisclosureId disclosureId,
        FollowOnId liftId,
        String authority,
        String reason,
        String requestDigest) {}
