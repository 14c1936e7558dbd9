package org.disclosureledger.projections.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.HistoryAccessed;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.AccessWindow;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DetailsCorrection;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureDisputed;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.disclosure.Suspension;
import org.disclosureledger.core.disclosure.SuspensionLifted;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.merkle.MerkleFrontier;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;

/** Realistic values for the event store's tests, and one example of each ledger event for docs/events.md. */
final class Examples {

    static final Instant OCCURRED_AT = Instant.parse("2025-06-15T09:30:00Z");

    private Examples() {}

    static DisclosureDetails details() {
        return new DisclosureDetails(
                OCCURRED_AT,
                new Custodian(new StateCode("CA"), "California Department of Health Care Services"),
                "medi-cal-eligibility-extract",
                "Chief Privacy Officer, DHCS",
                new Recipient(
                        new AgencyId("us-dhs-ice"),
                        "U.S. Immigration and Customs Enforcement",
                        "Enforcement and Removal Operations",
                        "500 12th St SW, Washington, DC 20536"),
                "CMS Office of the Administrator",
                new Purpose(PurposeOfUse.LAW, "Identification of enrollees for immigration enforcement"),
                new LegalAuthority(List.of("5 U.S.C. 552a(b)(7)"), "CMS-DHS information sharing agreement 2025-06"),
                List.of(
                        DataCategory.NAME,
                        DataCategory.ADDRESS,
                        DataCategory.MEDICAID_ID,
                        DataCategory.IMMIGRATION_STATUS),
                DisclosureMode.BULK_FILE,
                null,
                3);
    }

    static DetailsCorrection correction() {
        return new DetailsCorrection(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                DisclosureMode.QUERY_ACCESS,
                new AccessWindow(Instant.parse("2025-06-15T09:30:00Z"), Instant.parse("2025-06-30T23:59:59Z"), true),
                null,
                Set.of());
    }

    static Suspension suspension() {
        return new Suspension(LocalDate.parse("2026-01-01"), "Court order 25-cv-01234 (N.D. Cal.), sealed");
    }

    /** A pseudonym derived from a label, so tests can make as many distinct subjects as they need. */
    static PersonRef person(String label) {
        return new PersonRef(HexFormat.of().formatHex(sha256(label.getBytes(StandardCharsets.UTF_8))));
    }

    static List<PersonRef> people(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> person(prefix + "-" + i)).toList();
    }

    /** SHA-256 (hex) over the pseudonyms' bytes in order: a chunk's digest, as the aggregate computes it. */
    static String digestOf(List<PersonRef> subjects) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            subjects.forEach(s -> sha.update(s.bytes()));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RFC 9162 root over the pseudonyms in order: a sealed manifest's root, as the aggregate computes it. */
    static String manifestRoot(List<PersonRef> subjects) {
        return MerkleFrontier.empty()
                .append(subjects.stream().map(PersonRef::bytes).toList())
                .rootHash();
    }

    static String requestDigest(String label) {
        return HexFormat.of().formatHex(sha256(("request " + label).getBytes(StandardCharsets.UTF_8)));
    }

    /** The example {@code DisclosureRecorded} as an event of a {@code Disclosure} aggregate, to append directly. */
    static DomainEventMessage<?> disclosureRecorded(String aggregateIdentifier, long sequenceNumber) {
        return new GenericDomainEventMessage<>(
                "Disclosure",
                aggregateIdentifier,
                sequenceNumber,
                eventsByName().get("DisclosureRecorded"));
    }

    /** One example of every ledger event, by stable name, in the order docs/events.md lists them. */
    static Map<String, Object> eventsByName() {
        DisclosureId single = new DisclosureId("ca-dhcs-2025-06-0001");
        DisclosureId bulk = new DisclosureId("ca-dhcs-2025-06-0002");
        Instant recordedAt = Instant.parse("2025-06-15T10:02:11.337Z");
        List<PersonRef> subjects = List.of(person("subject-1"), person("subject-2"));
        Map<String, Object> events = new LinkedHashMap<>();
        events.put(
                "DisclosureRecorded",
                new DisclosureRecorded(single, recordedAt, details(), subjects, suspension(), requestDigest("record")));
        events.put(
                "BulkDisclosureOpened",
                new BulkDisclosureOpened(bulk, recordedAt, details(), null, requestDigest("open")));
        events.put(
                "BulkSubjectsAttached",
                new BulkSubjectsAttached(
                        bulk, 1, 0, subjects, digestOf(subjects), Instant.parse("2025-06-15T10:02:12.018Z")));
        events.put(
                "BulkDisclosureSealed",
                new BulkDisclosureSealed(
                        bulk, 2, 1, manifestRoot(subjects), Instant.parse("2025-06-15T10:02:13.504Z")));
        events.put(
                "DisclosureCorrected",
                new DisclosureCorrected(
                        single,
                        new FollowOnId("correction-1"),
                        List.of(CorrectableField.MODE, CorrectableField.ACCESS_WINDOW),
                        details(),
                        correction().applyTo(details()),
                        "The data was made available for query, not sent as a file",
                        Instant.parse("2025-06-20T08:00:00Z"),
                        requestDigest("correct")));
        events.put(
                "DisclosureDisputed",
                new DisclosureDisputed(
                        single,
                        new FollowOnId("dispute-1"),
                        person("subject-1"),
                        "I never consented to this and my status was reported wrongly.",
                        Instant.parse("2025-07-02T16:45:00Z"),
                        requestDigest("dispute")));
        events.put(
                "DestructionRequested",
                new DestructionRequested(
                        single,
                        new FollowOnId("destruction-1"),
                        "Attorney General of California",
                        "Preliminary injunction, 25-cv-01234 (N.D. Cal.)",
                        LocalDate.parse("2025-09-30"),
                        Instant.parse("2025-08-01T09:00:00Z"),
                        requestDigest("request")));
        events.put(
                "DestructionCertified",
                new DestructionCertified(
                        single,
                        new FollowOnId("certificate-1"),
                        new FollowOnId("destruction-1"),
                        "ICE Records Officer",
                        Instant.parse("2025-09-12T17:00:00Z"),
                        "NIST SP 800-88 purge of all copies",
                        Instant.parse("2025-09-15T11:20:00Z"),
                        requestDigest("certify")));
        events.put(
                "SuspensionLifted",
                new SuspensionLifted(
                        single,
                        new FollowOnId("lift-1"),
                        "Order vacating the seal, 25-cv-01234 (N.D. Cal.)",
                        "The investigation concluded",
                        Instant.parse("2025-10-01T12:00:00Z"),
                        requestDigest("lift")));
        events.put(
                "DisclosureFlagged",
                new DisclosureFlagged(
                        single,
                        null,
                        "us-medicaid-disclosures-sample",
                        "2025.2",
                        "5d0c6e3c0b8f61a1ad1f4a0c8a4e7e1a2e1b3f4c5d6e7f8091a2b3c4d5e6f708",
                        Instant.parse("2025-09-01T09:30:00Z"),
                        List.of(new Finding(
                                "ca-v-hhs-preliminary-injunction",
                                Severity.VIOLATION,
                                "The order \"Preliminary injunction\" (N.D. Cal.), in force from 2025-08-12, applied"
                                        + " on 2025-09-01: it bars name and address from CA going to us-dhs-ice."))));
        events.put(
                "HistoryAccessed",
                new HistoryAccessed(
                        new AccessId("5f0e2a0c-1f7b-4d7e-9a52-6a1c9d3e8b21"),
                        person("subject-a"),
                        new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR),
                        AccessedRecord.HISTORY,
                        new StatedPurpose("Complaint 2025-118 from the enrollee"),
                        Instant.parse("2025-10-02T14:05:00Z")));
        return events;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
