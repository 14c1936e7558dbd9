package org.disclosureledger.core.disclosure;

import java.time.Instant;
import java.util.List;

/**
 * Some fields of a disclosure's details were superseded. Both versions are carried so the event reads on its own:
 * {@code superseded} as they were, {@code corrected} as they are now.
 *
 * @param fields the fields that changed, in declaration order of {@link CorrectableField}
 */
public record DisclosureCorrected(
        DisclosureId disclosureId,
        FollowOnId correctionId,
        List<CorrectableField> fields,
        DisclosureDetails superseded,
        DisclosureDetails corrected,
        String reason,
        Instant correctedAt,
        String requestDigest) {

    public DisclosureCorrected {
        fields = List.copyOf(fields);
    }
}
