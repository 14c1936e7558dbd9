package org.disclosureledger.core.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;

/** Example data for the disclosure tests: valid values, and the events of a typical disclosure's life. */
final class Examples {

    /** The ledger's time in the tests. */
    static final Instant NOW = Instant.parse("2025-06-20T15:00:00Z");

    static final Instant OCCURRED_AT = Instant.parse("2025-06-12T09:30:00Z");
    static final Instant RECORDED_AT = Instant.parse("2025-06-12T10:00:00Z");
    static final DisclosureId DISCLOSURE_ID = new DisclosureId("ca-dhcs-2025-06-0001");
    static final String REQUEST_DIGEST = digest("the request that recorded the disclosure");
    static final List<PersonRef> SUBJECTS = people(1, 3);
    static final Suspension SUSPENSION =
            new Suspension(LocalDate.parse("2025-12-31"), "Order of the court in 25-cv-01234, delaying notice");

    static final Custodian CUSTODIAN =
            new Custodian(new StateCode("CA"), "California Department of Health Care Services");
    static final Recipient RECIPIENT = new Recipient(
            new AgencyId("us-dhs-ice"),
            "U.S. Immigration and Customs Enforcement",
            "Enforcement and Removal Operations",
            "500 12th St SW, Washington, DC 20536");
    static final Recipient OTHER_RECIPIENT = new Recipient(
            new AgencyId("us-dhs"),
            "U.S. Department of Homeland Security",
            null,
            "2707 Martin Luther King Jr Ave SE, Washington, DC 20528");
    static final Purpose PURPOSE = new Purpose(PurposeOfUse.LAW, "Immigration enforcement data sharing");
    static final LegalAuthority LEGAL_AUTHORITY =
            new LegalAuthority(List.of("5 U.S.C. 552a(b)(7)"), "Information exchange agreement 2025-14");

    private Examples() {}

    /** A builder of valid details, to change one field at a time. */
    static DetailsBuilder details() {
        return new DetailsBuilder();
    }

    /** A builder of a correction that names no field yet. */
    static CorrectionBuilder correction() {
        return new CorrectionBuilder();
    }

    /** An enrollee's pseudonym: 32 deterministic bytes, as the pseudonymiser would give. */
    static PersonRef person(int n) {
        return new PersonRef(digest("person " + n));
    }

    /** {@code count} different enrollees, numbered from {@code first}. */
    static List<PersonRef> people(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(Examples::person).toList();
    }

    /** A request digest (SHA-256 hex) standing for a request described by {@code label}. */
    static String digest(String label) {
        return hex(sha256().digest(label.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 (hex) over the subjects' 32-byte pseudonyms, concatenated in order: a chunk's digest. */
    static String chunkDigest(List<PersonRef> subjects) {
        MessageDigest sha = sha256();
        subjects.forEach(s -> sha.update(s.bytes()));
        return hex(sha.digest());
    }

    static RecordDisclosure recordDisclosure(DisclosureDetails details, List<PersonRef> subjects) {
        return new RecordDisclosure(DISCLOSURE_ID, details, subjects, null, REQUEST_DIGEST);
    }

    static DisclosureRecorded disclosureRecorded() {
        return disclosureRecorded(details().build());
    }

    static DisclosureRecorded disclosureRecorded(DisclosureDetails details) {
        return new DisclosureRecorded(DISCLOSURE_ID, RECORDED_AT, details, SUBJECTS, null, REQUEST_DIGEST);
    }

    static DisclosureRecorded suspendedDisclosureRecorded() {
        return new DisclosureRecorded(
                DISCLOSURE_ID, RECORDED_AT, details().build(), SUBJECTS, SUSPENSION, REQUEST_DIGEST);
    }

    static BulkDisclosureOpened bulkDisclosureOpened() {
        return new BulkDisclosureOpened(DISCLOSURE_ID, RECORDED_AT, details().build(), null, REQUEST_DIGEST);
    }

    static BulkSubjectsAttached subjectsAttached(int chunkNumber, long firstManifestIndex, List<PersonRef> subjects) {
        return new BulkSubjectsAttached(
                DISCLOSURE_ID, chunkNumber, firstManifestIndex, subjects, chunkDigest(subjects), RECORDED_AT);
    }

    static BulkDisclosureSealed bulkDisclosureSealed(long subjectCount, int chunkCount, String manifestRoot) {
        return new BulkDisclosureSealed(DISCLOSURE_ID, subjectCount, chunkCount, manifestRoot, RECORDED_AT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Valid details by default; each method replaces one field. */
    static final class DetailsBuilder {
        private Instant occurredAt = OCCURRED_AT;
        private Custodian custodian = CUSTODIAN;
        private String disclosingSystem = "CA-MEDS disclosure gateway";
        private String releasingOfficial = "Chief Privacy Officer, DHCS";
        private Recipient recipient = RECIPIENT;
        private String requester = "Office of the Administrator, CMS";
        private Purpose purpose = PURPOSE;
        private LegalAuthority legalAuthority = LEGAL_AUTHORITY;
        private List<DataCategory> dataCategories =
                List.of(DataCategory.NAME, DataCategory.ADDRESS, DataCategory.MEDICAID_ID);
        private DisclosureMode mode = DisclosureMode.BULK_FILE;
        private AccessWindow accessWindow;
        private long recordCount = 3;

        DetailsBuilder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        DetailsBuilder custodian(Custodian value) {
            custodian = value;
            return this;
        }

        DetailsBuilder disclosingSystem(String value) {
            disclosingSystem = value;
            return this;
        }

        DetailsBuilder releasingOfficial(String value) {
            releasingOfficial = value;
            return this;
        }

        DetailsBuilder recipient(Recipient value) {
            recipient = value;
            return this;
        }

        DetailsBuilder requester(String value) {
            requester = value;
            return this;
        }

        DetailsBuilder purpose(Purpose value) {
            purpose = value;
            return this;
        }

        DetailsBuilder legalAuthority(LegalAuthority value) {
            legalAuthority = value;
            return this;
        }

        DetailsBuilder dataCategories(List<DataCategory> value) {
            dataCategories = value;
            return this;
        }

        DetailsBuilder mode(DisclosureMode value) {
            mode = value;
            return this;
        }

        DetailsBuilder accessWindow(AccessWindow value) {
            accessWindow = value;
            return this;
        }

        DetailsBuilder recordCount(long value) {
            recordCount = value;
            return this;
        }

        DisclosureDetails build() {
            return new DisclosureDetails(
                    occurredAt,
                    custodian,
                    disclosingSystem,
                    releasingOfficial,
                    recipient,
                    requester,
                    purpose,
                    legalAuthority,
                    dataCategories,
                    mode,
                    accessWindow,
                    recordCount);
        }
    }

    /** A correction naming only the fields set on it. */
    static final class CorrectionBuilder {
        private Instant occurredAt;
        private String disclosingSystem;
        private String releasingOfficial;
        private Recipient recipient;
        private String requester;
        private Purpose purpose;
        private LegalAuthority legalAuthority;
        private List<DataCategory> dataCategories;
        private DisclosureMode mode;
        private AccessWindow accessWindow;
        private Long recordCount;
        private java.util.Set<CorrectableField> cleared = java.util.Set.of();

        CorrectionBuilder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        CorrectionBuilder disclosingSystem(String value) {
            disclosingSystem = value;
            return this;
        }

        CorrectionBuilder releasingOfficial(String value) {
            releasingOfficial = value;
            return this;
        }

        CorrectionBuilder recipient(Recipient value) {
            recipient = value;
            return this;
        }

        CorrectionBuilder requester(String value) {
            requester = value;
            return this;
        }

        CorrectionBuilder purpose(Purpose value) {
            purpose = value;
            return this;
        }

        CorrectionBuilder legalAuthority(LegalAuthority value) {
            legalAuthority = value;
            return this;
        }

        CorrectionBuilder dataCategories(List<DataCategory> value) {
            dataCategories = value;
            return this;
        }

        CorrectionBuilder mode(DisclosureMode value) {
            mode = value;
            return this;
        }

        CorrectionBuilder accessWindow(AccessWindow value) {
            accessWindow = value;
            return this;
        }

        CorrectionBuilder recordCount(Long value) {
            recordCount = value;
            return this;
        }

        CorrectionBuilder cleared(CorrectableField... fields) {
            cleared = java.util.Set.of(fields);
            return this;
        }

        DetailsCorrection build() {
            return new DetailsCorrection(
                    occurredAt,
                    disclosingSystem,
                    releasingOfficial,
                    recipient,
                    requester,
                    purpose,
                    legalAuthority,
                    dataCategories,
                    mode,
                    accessWindow,
                    recordCount,
                    cleared);
        }
    }
}
