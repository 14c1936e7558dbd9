package org.disclosureledger.core.disclosure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a bulk disclosure: its details now, its subjects later in chunks, then a seal.
 *
 * @param suspension optional
 */
public record OpenBulkDisclosure(
        @TargetAggregateIdentifier DisclosureId disclosureId,
        DisclosureDetails details,
        Suspension suspension,
        String requestDigest) {}
