package org.disclosureledger.api.documents;

import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.projections.history.Correction;
import org.disclosureledger.projections.history.DestructionCertification;
import org.disclosureledger.projections.history.DestructionRequest;
import org.disclosureledger.projections.history.Dispute;
import org.disclosureledger.projections.history.EndedSuspension;
import org.disclosureledger.projections.history.Judgement;
import org.disclosureledger.projections.history.VisibleEntry;

/**
 * What happened to a disclosure after it was recorded, in plain words, one list item each: an ended or lifted hold,
 * corrections (original and corrected values), the enrollee's disputes, destruction requested and certified, and
 * what the rulebook found about the disclosure. The
 * printable accounting and the enrollee's page both show these, and must say them the same way.
 */
public final class LaterEvents {

    private LaterEvents() {}

    /**
     * What the rulebook in force when the disclosure happened found about it, in plain words: one item naming the
     * rules and the day they were applied, with one sub-item per finding.
     */
    private static void findings(Xhtml page, Judgement judgement) {
        page.open("li")
                .text("The ledger checked this disclosure against the rules in force on "
                        + Labels.day(judgement.judgedAt()) + " (" + judgement.rulebookName() + ", version "
                        + judgement.rulebookVersion() + ") and found:")
                .open("ul");
        for (Finding finding : judgement.findings()) {
            page.element("li", severity(finding.severity()) + ": " + finding.explanation());
        }
        page.close("ul").close("li");
    }

    private static String severity(Severity severity) {
        return switch (severity) {
            case VIOLATION -> "Not allowed by the rules in force";
            case CONCERN -> "A concern";
            case NOTICE -> "For your information";
        };
    }

    /** Whether anything happened to the entry after it was recorded. */
    public static boolean any(VisibleEntry entry) {
        return entry.suspension() != null
                || !entry.corrections().isEmpty()
                || !entry.disputes().isEmpty()
                || !entry.destructionRequests().isEmpty()
                || !entry.destructionCertifications().isEmpty()
                || entry.judgement() != null;
    }

    /** Writes one {@code li} per later event, oldest kind first, into a list the caller opened. */
    public static void items(Xhtml page, VisibleEntry entry) {
        if (entry.judgement() != null) {
            findings(page, entry.judgement());
        }
        if (entry.suspension() != null) {
            page.element("li", suspension(entry.suspension()));
        }
        for (Correction correction : entry.corrections()) {
            page.open("li")
                    .text("Corrected on " + Labels.day(correction.correctedAt()) + ": " + correction.reason() + ".")
                    .open("ul");
            for (CorrectableField field : correction.fields()) {
                page.element(
                        "li",
                        Labels.field(field) + ": originally \"" + Labels.value(correction.superseded(), field)
                                + "\", corrected to \"" + Labels.value(correction.corrected(), field) + "\".");
            }
            page.close("ul").close("li");
        }
        for (Dispute dispute : entry.disputes()) {
            page.element(
                    "li",
                    "You disputed this entry on " + Labels.day(dispute.disputedAt()) + ": " + dispute.statement());
        }
        for (DestructionRequest request : entry.destructionRequests()) {
            page.element(
                    "li",
                    "Destruction of the data was requested on " + Labels.day(request.requestedAt()) + " by "
                            + request.requestedBy() + " under " + request.authority()
                            + (request.dueBy() == null ? "" : ", due by " + Labels.day(request.dueBy())) + ".");
        }
        for (DestructionCertification certification : entry.destructionCertifications()) {
            page.element(
                    "li",
                    "Destruction was certified on " + Labels.day(certification.certifiedAt()) + " by "
                            + certification.certifiedBy() + ": destroyed on "
                            + Labels.day(certification.destroyedAt()) + " by " + certification.method() + ".");
        }
    }

    private static String suspension(EndedSuspension suspension) {
        String held =
                "This entry was withheld until " + Labels.day(suspension.until()) + " under " + suspension.authority();
        return suspension.lifted()
                ? held + "; the hold was lifted on " + Labels.day(suspension.liftedAt()) + " by "
                        + suspension.liftAuthority() + ": " + suspension.liftReason() + "."
                : held + "; that date has passed.";
    }
}
