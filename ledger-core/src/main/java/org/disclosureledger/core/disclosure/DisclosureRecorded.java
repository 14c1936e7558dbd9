package org.disclosureledger.core.disclosure;

import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.subject.PersonRef;

/**
 * A disclosure was recorded with all its subjects.
 *
 * @param recordedAt    when the ledger recorded it (the ledger's clock; {@code details.occurredAt} is the caller's)
 * @param subjects      the enrollees whose data was disclosed, as pseudonyms, in the order given
 * @param suspension    the hold on telling the subjects, or null
 * @param requestDigest SHA-256 (hex) of the pseudonymised request, to recognise retries
 */
public record DisclosureRecorded(
        DisclosureId disclosureId,
        Instant recordedAt,
        DisclosureDetails details,
        List<PersonRef> subjects,
        Suspension suspension,
        String requestDigest) {

    public DisclosureRecorded {
        subjects = List.copyOf(subjects);
    }
}
