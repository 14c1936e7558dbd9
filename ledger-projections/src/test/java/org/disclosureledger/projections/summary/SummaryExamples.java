package org.disclosureledger.projections.summary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DetailsCorrection;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;

/**
 * Disclosure details, pseudonyms and ledger events as the aggregate would emit them, for the agency-summary tests.
 * Digests and manifest roots are placeholders: the projection reads neither.
 */
final class SummaryExamples {

    static final Instant NOW = Instant.parse("2025-07-01T12:00:00Z");
    static final String ICE = "us-dhs-ice";
    static final String OIG = "us-hhs-oig";

    private static final String DIGEST = "0".repeat(64);

    private SummaryExamples() {}

    /** A disclosure from the state's Medicaid agency to the agency, of the given categories. */
    static DisclosureDetails details(
            String agency,
            String state,
            PurposeOfUse purpose,
            Instant occurredAt,
            long records,
            DataCategory... categories) {
        return new DisclosureDetails(
                occurredAt,
                new Custodian(new StateCode(state), "Medicaid agency of " + state),
                "eligibility-extract",
                "Chief Privacy Officer",
                recipient(agency),
                null,
                new Purpose(purpose, "Purpose " + purpose),
                new LegalAuthority(List.of("5 U.S.C. 552a(b)(7)"), null),
                Arrays.asList(categories),
                DisclosureMode.BULK_FILE,
                null,
                records);
    }

    static Recipient recipient(String agency) {
        return new Recipient(new AgencyId(agency), "Agency " + agency, null, "1 Main St, Washington, DC 20001");
    }

    /** A correction of the given fields only (null: unchanged). */
    static DetailsCorrection correction(
            Instant occurredAt, String agency, PurposeOfUse purpose, List<DataCategory> categories, Long records) {
        return new DetailsCorrection(
                occurredAt,
                null,
                null,
                agency == null ? null : recipient(agency),
                null,
                purpose == null ? null : new Purpose(purpose, "Purpose " + purpose),
                null,
                categories,
                null,
                null,
                records,
                Set.of());
    }

    static DisclosureRecorded recorded(String id, DisclosureDetails details, List<PersonRef> subjects) {
        return new DisclosureRecorded(
                new DisclosureId(id),
                details.occurredAt().plus(Duration.ofMinutes(30)),
                details,
                subjects,
                null,
                DIGEST);
    }

    static BulkDisclosureOpened opened(String id, DisclosureDetails details) {
        return new BulkDisclosureOpened(
                new DisclosureId(id), details.occurredAt().plus(Duration.ofMinutes(30)), details, null, DIGEST);
    }

    static BulkSubjectsAttached attached(String id, int chunk, long firstIndex, List<PersonRef> subjects) {
        return new BulkSubjectsAttached(new DisclosureId(id), chunk, firstIndex, subjects, DIGEST, NOW);
    }

    static BulkDisclosureSealed sealed(String id, long subjectCount, int chunkCount) {
        return new BulkDisclosureSealed(new DisclosureId(id), subjectCount, chunkCount, "f".repeat(64), NOW);
    }

    static DisclosureCorrected corrected(
            String id, String correctionId, DisclosureDetails before, DetailsCorrection correction) {
        return new DisclosureCorrected(
                new DisclosureId(id),
                new FollowOnId(correctionId),
                correction.fields().stream().sorted().toList(),
                before,
                correction.applyTo(before),
                "Corrected",
                NOW,
                DIGEST);
    }

    static DestructionRequested destructionRequested(String id, String requestId) {
        return new DestructionRequested(
                new DisclosureId(id),
                new FollowOnId(requestId),
                "Attorney General of California",
                "Preliminary injunction",
                LocalDate.parse("2025-09-30"),
                NOW,
                DIGEST);
    }

    static DestructionCertified destructionCertified(String id, String certificationId, String requestId) {
        return new DestructionCertified(
                new DisclosureId(id),
                new FollowOnId(certificationId),
                requestId == null ? null : new FollowOnId(requestId),
                "Records Officer",
                NOW,
                "NIST SP 800-88 purge",
                NOW,
                DIGEST);
    }

    /**
     * The rulebook's judgement of a disclosure, with one finding per severity given, in that order.
     *
     * @param correctionId the correction judged; null for a judgement at recording
     */
    static DisclosureFlagged flagged(String id, String correctionId, Severity... severities) {
        return new DisclosureFlagged(
                new DisclosureId(id),
                correctionId == null ? null : new FollowOnId(correctionId),
                "test-rulebook",
                "1",
                DIGEST,
                NOW,
                Arrays.stream(severities)
                        .map(severity -> new Finding(
                                "rule-" + severity.name().toLowerCase(java.util.Locale.ROOT),
                                severity,
                                "A " + severity.name().toLowerCase(java.util.Locale.ROOT)))
                        .toList());
    }

    /** A pseudonym derived from a label, so tests can make as many distinct people as they need. */
    static PersonRef person(String label) {
        try {
            return new PersonRef(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<PersonRef> people(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> person(prefix + "-" + i)).toList();
    }
}
