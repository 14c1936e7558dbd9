package org.disclosureledger.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.projections.history.Correction;
import org.disclosureledger.projections.history.DestructionCertification;
import org.disclosureledger.projections.history.DestructionRequest;
import org.disclosureledger.projections.history.Dispute;
import org.disclosureledger.projections.history.EndedSuspension;
import org.disclosureledger.projections.history.Judgement;

/**
 * One page of an enrollee's accounting of disclosures (45 CFR 164.528(b)): for each disclosure, when, to whom (name
 * and address), what data, why and under which authority, with corrections, the enrollee's own disputes and
 * destruction requests and certifications. {@code since} is null when the whole history was asked for.
 */
public record HistoryView(
        LocalDate asOf,
        LocalDate since,
        int page,
        int pageSize,
        long totalEntries,
        boolean hasNextPage,
        List<Entry> entries) {

    /**
     * One entry. A withheld entry (a suspension in force) carries only {@code withheld}, {@code withheldUntil} and
     * {@code withheldUnder}. A visible one names its {@code ledgerIndex}: the ledger entry that recorded it (for a
     * bulk disclosure, its seal, which commits to the manifest where {@code manifestIndex} is this person's place),
     * null until the sequencer has reached it. {@code judgement}, when present, is what the rulebook in force when the
     * disclosure happened found about it (docs/rulebook.md).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            boolean withheld,
            LocalDate withheldUntil,
            String withheldUnder,
            String disclosureId,
            String kind,
            String status,
            Instant recordedAt,
            DisclosureDetails details,
            Long ledgerIndex,
            Long manifestIndex,
            String manifestRoot,
            EndedSuspension suspension,
            List<Correction> corrections,
            List<Dispute> disputes,
            List<DestructionRequest> destructionRequests,
            List<DestructionCertification> destructionCertifications,
            Judgement judgement) {}
}
