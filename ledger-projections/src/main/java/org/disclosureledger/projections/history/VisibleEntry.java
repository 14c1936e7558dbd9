package org.disclosureledger.projections.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureId;

/**
 * A disclosure of the person's data, in full: what it says now, whether and how it was corrected (with the original
 * values), the person's own disputes, the destruction requests and certifications, and the suspension that once held
 * it back, if any; and what the rulebook in force found about it, if anything.
 *
 * @param recordedAt                when the ledger recorded the disclosure
 * @param details                   the details as currently corrected
 * @param subjectIndex              the person's position among the disclosure's subjects, from 0; for a bulk
 *                                  disclosure, the leaf index in its manifest's Merkle tree
 * @param subjectCount              how many subjects the disclosure has (so far, while a bulk disclosure is open)
 * @param chunkCount                how many chunks a bulk disclosure's subjects came in (so far); null for a single
 *                                  disclosure
 * @param manifestRoot              a sealed bulk disclosure's manifest root, or null
 * @param sealedAt                  when a bulk disclosure was sealed, or null
 * @param suspension                the suspension that held the entry back and has ended, or null if there was none
 * @param corrections               oldest first; empty if never corrected
 * @param disputes                  the person's own disputes, oldest first
 * @param destructionRequests       oldest first
 * @param destructionCertifications oldest first
 * @param judgement                 what the rulebook found about the disclosure as it stands, or null if nothing
 */
public record VisibleEntry(
        DisclosureId disclosureId,
        DisclosureKind kind,
        RecordingStatus status,
        Instant recordedAt,
        DisclosureDetails details,
        long subjectIndex,
        long subjectCount,
        Integer chunkCount,
        String manifestRoot,
        Instant sealedAt,
        EndedSuspension suspension,
        List<Correction> corrections,
        List<Dispute> disputes,
        List<DestructionRequest> destructionRequests,
        List<DestructionCertification> destructionCertifications,
        Judgement judgement)
        implements HistoryEntry {

    public VisibleEntry {
        Objects.requireNonNull(disclosureId, "disclosureId");
        Objects.requireNonNull(details, "details");
        corrections = List.copyOf(corrections);
        disputes = List.copyOf(disputes);
        destructionRequests = List.copyOf(destructionRequests);
        destructionCertifications = List.copyOf(destructionCertifications);
    }

    /** Whether the entry was ever corrected. */
    public boolean corrected() {
        return !corrections.isEmpty();
    }

    /** The details as first recorded, before any correction. */
    public DisclosureDetails originalDetails() {
        return corrections.isEmpty() ? details : corrections.get(0).superseded();
    }
}
