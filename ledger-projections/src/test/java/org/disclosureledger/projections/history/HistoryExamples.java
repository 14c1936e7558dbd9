package org.disclosureledger.projections.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.AccessWindow;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DetailsCorrection;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.disclosure.Suspension;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;

/** Realistic disclosure details and pseudonyms for the person-history tests. */
final class HistoryExamples {

    /** "Today" in these tests, unless a test moves the clock. */
    static final Instant NOW = Instant.parse("2025-07-01T12:00:00Z");

    private HistoryExamples() {}

    /** A disclosure of California Medi-Cal data to ICE, occurring at the given time. */
    static DisclosureDetails toIce(Instant occurredAt) {
        return new DisclosureDetails(
                occurredAt,
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

    /** A disclosure of Illinois Medicaid claims to an auditor, occurring at the given time. */
    static DisclosureDetails toAuditor(Instant occurredAt) {
        return new DisclosureDetails(
                occurredAt,
                new Custodian(new StateCode("IL"), "Illinois Department of Healthcare and Family Services"),
                "hfs-claims-warehouse",
                "HFS Privacy Officer",
                new Recipient(
                        new AgencyId("us-hhs-oig"),
                        "HHS Office of Inspector General",
                        null,
                        "330 Independence Ave SW, Washington, DC 20201"),
                null,
                new Purpose(PurposeOfUse.OVERSIGHT, "Audit of managed care payments"),
                new LegalAuthority(List.of("42 CFR 431.302(d)", "45 CFR 164.512(d)"), null),
                List.of(DataCategory.CLAIMS, DataCategory.MEDICAID_ID),
                DisclosureMode.QUERY_ACCESS,
                new AccessWindow(occurredAt, occurredAt.plusSeconds(30 * 86_400), false),
                1_250);
    }

    /** The correction of an ICE disclosure: it was query access, not a file. */
    static DetailsCorrection madeQueryAccess() {
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

    static Suspension sealedUntil(String date) {
        return new Suspension(LocalDate.parse(date), "Court order 25-cv-01234 (N.D. Cal.), sealed");
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
