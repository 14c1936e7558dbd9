package org.disclosureledger.core.disclosure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disclosureledger.core.subject.PersonRef;

/** A subject of a disclosure disputes it: says, in their words, what is wrong with it. */
public record DisputeDisclosure(
        @TargetAggregateIdentifier DisclosureId disclosureId,
        FollowOnId disputeId,
        PersonRef subject,
        String statement,
        String requestDigest) {}
