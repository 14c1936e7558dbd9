package org.disclosureledger.api.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.history.HistoryEntry;

/**
 * Everything a document about one enrollee's history shows: whose history (by state and pseudonym only), every entry
 * of the window asked for, in the history's order, and when it was read.
 *
 * @param state       the enrollee's state, the only thing the documents say about who the enrollee is
 * @param person      the enrollee's pseudonym; only the FHIR export carries it, as the patient's identifier
 * @param entries     all entries, withheld ones first, then newest first
 * @param asOf        the day the history was read on (suspensions in force on it are withheld)
 * @param since       the first day of the window, or null for the whole history
 * @param generatedAt when the document was made
 */
public record EnrolleeHistory(
        StateCode state,
        PersonRef person,
        List<HistoryEntry> entries,
        LocalDate asOf,
        LocalDate since,
        Instant generatedAt) {

    public EnrolleeHistory {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(person, "person");
        entries = List.copyOf(entries);
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }
}
