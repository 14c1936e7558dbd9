package org.disclosureledger.core.disclosure;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask the recipient to destroy what it received, on someone's authority (a court, a legislature, the custodian).
 *
 * @param dueBy optional date by which destruction should be certified
 */
public record RequestDestruction(
        @TargetAggregateIdentifier DisclosureId disclosureId,
        FollowOnId requestId,
        String requestedBy,
        String authority,
        LocalDate dueBy,
        String requestDigest) {}
