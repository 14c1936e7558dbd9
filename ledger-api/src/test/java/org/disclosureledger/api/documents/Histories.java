package org.disclosureledger.api.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.history.Correction;
import org.disclosureledger.projections.history.DestructionCertification;
import org.disclosureledger.projections.history.DestructionRequest;
import org.disclosureledger.projections.history.DisclosureKind;
import org.disclosureledger.projections.history.Dispute;
import org.disclosureledger.projections.history.EndedSuspension;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.Judgement;
import org.disclosureledger.projections.history.RecordingStatus;
import org.disclosureledger.projections.history.VisibleEntry;
import org.disclosureledger.projections.history.WithheldEntry;

/** Person histories for the document tests, built as the read model returns them. */
final class Histories {

    static final PersonRef PERSON = new PersonRef("a".repeat(64));
    static final Instant GENERATED_AT = Instant.parse("2026-03-02T10:15:00Z");
    static final String HOSTILE = "<script>alert('x')</script> & Co";

    private Histories() {}

    static EnrolleeHistory of(HistoryEntry... entries) {
        return new EnrolleeHistory(
                new StateCode("CA"),
                PERSON,
                List.of(entries),
                LocalDate.parse("2026-03-02"),
                LocalDate.parse("2020-03-02"),
                GENERATED_AT);
    }

    static DisclosureDetails details(String recipientName, PurposeOfUse purpose) {
        return new DisclosureDetails(
                Instant.parse("2025-06-10T15:00:00Z"),
                new Custodian(new StateCode("CA"), "California Department of Health Care Services"),
                "cms-t-msis",
                "Deputy Administrator",
                new Recipient(
                        new AgencyId("us-dhs-ice"),
                        recipientName,
                        "Enforcement and Removal Operations",
                        "500 12th St SW, Washington, DC 20536"),
                "Office of the Director, ICE",
                new Purpose(purpose, "Locating individuals for immigration enforcement"),
                new LegalAuthority(List.of("5 U.S.C. 552a(b)(7)"), "CMS-ICE information sharing agreement"),
                List.of(DataCategory.NAME, DataCategory.ADDRESS, DataCategory.IMMIGRATION_STATUS),
                DisclosureMode.BULK_FILE,
                null,
                2);
    }

    static VisibleEntry plain(String id, DisclosureDetails details) {
        return new VisibleEntry(
                new DisclosureId(id),
                DisclosureKind.SINGLE,
                RecordingStatus.RECORDED,
                Instant.parse("2025-06-10T15:00:05Z"),
                details,
                0,
                2,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    /** An entry with every kind of later event: a correction of its purpose, a dispute, destruction, a lifted hold. */
    static VisibleEntry eventful(String id) {
        DisclosureDetails original = details("U.S. Immigration and Customs Enforcement", PurposeOfUse.LAW);
        DisclosureDetails corrected = new DisclosureDetails(
                original.occurredAt(),
                original.custodian(),
                original.disclosingSystem(),
                original.releasingOfficial(),
                original.recipient(),
                original.requester(),
                new Purpose(PurposeOfUse.OVERSIGHT, "Program integrity review"),
                original.legalAuthority(),
                original.dataCategories(),
                original.mode(),
                original.accessWindow(),
                original.recordCount());
        return new VisibleEntry(
                new DisclosureId(id),
                DisclosureKind.SINGLE,
                RecordingStatus.RECORDED,
                Instant.parse("2025-06-10T15:00:05Z"),
                corrected,
                0,
                2,
                null,
                null,
                null,
                new EndedSuspension(
                        LocalDate.parse("2025-12-31"),
                        "Law enforcement request of 2025-06-01",
                        new FollowOnId("lift-1"),
                        Instant.parse("2025-09-01T12:00:00Z"),
                        "U.S. District Court, N.D. Cal.",
                        "The investigation closed"),
                List.of(new Correction(
                        new FollowOnId("c1"),
                        List.of(CorrectableField.PURPOSE),
                        original,
                        corrected,
                        "The purpose was misstated",
                        Instant.parse("2025-07-01T09:00:00Z"))),
                List.of(new Dispute(
                        new FollowOnId("d1"), "I never consented to this", Instant.parse("2025-07-02T09:00:00Z"))),
                List.of(new DestructionRequest(
                        new FollowOnId("r1"),
                        "California Attorney General",
                        "Order of the court of 2025-08-01",
                        LocalDate.parse("2025-10-01"),
                        Instant.parse("2025-08-02T09:00:00Z"))),
                List.of(new DestructionCertification(
                        new FollowOnId("cert-1"),
                        new FollowOnId("r1"),
                        "ICE Privacy Office",
                        Instant.parse("2025-09-15T00:00:00Z"),
                        "Cryptographic erasure",
                        Instant.parse("2025-09-16T09:00:00Z"))),
                null);
    }

    /** A plain entry that the rulebook flagged, as the history shows its latest judgement. */
    static VisibleEntry flagged(String id) {
        VisibleEntry plain = plain(id, details("U.S. Immigration and Customs Enforcement", PurposeOfUse.LAW));
        return new VisibleEntry(
                plain.disclosureId(),
                plain.kind(),
                plain.status(),
                plain.recordedAt(),
                plain.details(),
                plain.subjectIndex(),
                plain.subjectCount(),
                plain.chunkCount(),
                plain.manifestRoot(),
                plain.sealedAt(),
                plain.suspension(),
                plain.corrections(),
                plain.disputes(),
                plain.destructionRequests(),
                plain.destructionCertifications(),
                new Judgement(
                        "us-medicaid-disclosures-sample",
                        "2025.1",
                        "ab".repeat(32),
                        plain.details().occurredAt(),
                        List.of(
                                new Finding(
                                        "cfr-42-431-302",
                                        Severity.CONCERN,
                                        "The stated purpose LAW is not among the purposes 42 CFR 431.302 permits."),
                                new Finding(
                                        "ca-v-hhs-preliminary-injunction",
                                        Severity.VIOLATION,
                                        "The order barred this data going to us-dhs-ice."))));
    }

    static WithheldEntry withheld() {
        return new WithheldEntry(LocalDate.parse("2099-01-01"), "Order of the court in case 25-cv-1234");
    }
}
