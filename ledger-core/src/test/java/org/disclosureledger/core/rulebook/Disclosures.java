package org.disclosureledger.core.rulebook;

import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.AccessWindow;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;

/** Disclosure details for the rulebook tests, one field changed at a time. */
final class Disclosures {

    private Disclosures() {}

    static Builder disclosure() {
        return new Builder();
    }

    static final class Builder {
        private Instant occurredAt = Instant.parse("2025-09-01T12:00:00Z");
        private String state = "CA";
        private String recipient = "us-dhs-ice";
        private PurposeOfUse purpose = PurposeOfUse.OPERATIONS;
        private List<DataCategory> categories = List.of(DataCategory.NAME, DataCategory.ADDRESS);
        private DisclosureMode mode = DisclosureMode.QUERY_ACCESS;
        private AccessWindow window;

        Builder on(String day) {
            occurredAt = Instant.parse(day + "T12:00:00Z");
            return this;
        }

        Builder at(Instant instant) {
            occurredAt = instant;
            return this;
        }

        Builder from(String state) {
            this.state = state;
            return this;
        }

        Builder to(String agencyId) {
            this.recipient = agencyId;
            return this;
        }

        Builder purpose(PurposeOfUse purpose) {
            this.purpose = purpose;
            return this;
        }

        Builder categories(DataCategory... categories) {
            this.categories = List.of(categories);
            return this;
        }

        Builder mode(DisclosureMode mode) {
            this.mode = mode;
            return this;
        }

        Builder window(String opens, String closes, boolean downloadAllowed) {
            this.window = new AccessWindow(
                    Instant.parse(opens + "T00:00:00Z"), Instant.parse(closes + "T00:00:00Z"), downloadAllowed);
            return this;
        }

        DisclosureDetails build() {
            return new DisclosureDetails(
                    occurredAt,
                    new Custodian(new StateCode(state), "State Medicaid agency"),
                    "mmis",
                    "Chief Privacy Officer",
                    new Recipient(new AgencyId(recipient), "Receiving agency", null, "Washington, DC"),
                    null,
                    new Purpose(purpose, "as stated by the custodian"),
                    new LegalAuthority(List.of("42 U.S.C. 1396a(a)(7)"), null),
                    categories,
                    mode,
                    window,
                    10);
        }
    }
}
