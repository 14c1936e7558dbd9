package org.disclosureledger.core.disclosure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Supersede some fields of a disclosure's details, giving the reason; the original stays in the ledger. */
public record CorrectDisclosure(
        @TargetAggregateIdentifier DisclosureId disclosureId,
        FollowOnId correctionId,
        DetailsCorrection correction,
        String reason,
        String requestDigest) {}
