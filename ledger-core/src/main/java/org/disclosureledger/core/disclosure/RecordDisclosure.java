package org.disclosureledger.core.disclosure;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disclosureledger.core.subject.PersonRef;

/**
 * Record a disclosure whose subjects are all known at once (up to {@link Disclosure#MAX_SUBJECTS_PER_RECORD}; larger
 * releases are bulk disclosures).
 *
 * @param requestDigest SHA-256 of the pseudonymised request, so a retry can be told from a different disclosure
 *                      that reuses the id
 * @param suspension    optional
 */
public record RecordDisclosure(
        @TargetAggregateIdentifier DisclosureId disclosureId,
        DisclosureDetails details,
        List<PersonRef> subjects,
        Suspension suspension,
        String requestDigest) {}
