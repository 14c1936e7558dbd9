package org.disclosureledger.core.disclosure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Seal a bulk disclosure: no more subjects. The caller states how many subjects it sent, and the seal is refused if
 * the ledger counted a different number.
 */
public record SealBulkDisclosure(@TargetAggregateIdentifier DisclosureId disclosureId, long subjectCount) {}
