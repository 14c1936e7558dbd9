package org.disclosureledger.projections.history;

import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.FollowOnId;

/**
 * A correction of an entry, keeping what it replaced visible: the details in full before and after it, and which
 * fields it changed.
 *
 * @param fields     the fields that changed, in {@link CorrectableField} order
 * @param superseded the details as they were before this correction
 * @param corrected  the details as this correction left them
 * @param correctedAt when the ledger recorded the correction
 */
public record Correction(
        FollowOnId correctionId,
        List<CorrectableField> fields,
        DisclosureDetails superseded,
        DisclosureDetails corrected,
        String reason,
        Instant correctedAt) {

    public Correction {
        fields = List.copyOf(fields);
    }
}
