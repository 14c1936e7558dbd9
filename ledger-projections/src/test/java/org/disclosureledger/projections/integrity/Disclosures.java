package org.disclosureledger.projections.integrity;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;

/** Commands that record example disclosures, for the integrity tests. */
final class Disclosures {

    private Disclosures() {}

    static RecordDisclosure record(String id) {
        DisclosureDetails details = new DisclosureDetails(
                Instant.parse("2025-06-15T09:30:00Z"),
                new Custodian(new StateCode("CA"), "California Department of Health Care Services"),
                "cms-t-msis",
                "Deputy Administrator",
                new Recipient(
                        new AgencyId("us-dhs-ice"),
                        "U.S. Immigration and Customs Enforcement",
                        null,
                        "500 12th St SW, Washington, DC 20536"),
                null,
                new Purpose(PurposeOfUse.LAW, "Immigration enforcement"),
                new LegalAuthority(List.of("5 U.S.C. 552a(b)(7)"), null),
                List.of(DataCategory.NAME, DataCategory.ADDRESS),
                DisclosureMode.BULK_FILE,
                null,
                1);
        PersonRef subject = new PersonRef(String.format("%064x", id.hashCode() & 0xffffffffL));
        return new RecordDisclosure(new DisclosureId(id), details, List.of(subject), null, "digest-" + id);
    }

    static List<RecordDisclosure> records(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> record(prefix + "-" + i)).toList();
    }
}
