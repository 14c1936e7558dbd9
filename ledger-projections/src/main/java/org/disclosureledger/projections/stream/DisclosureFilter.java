package org.disclosureledger.projections.stream;

import java.util.stream.Collectors;
import org.disclosureledger.core.disclosure.DisclosureDetails;

/**
 * What a watchdog filters a disclosure's messages by, without parsing their data: the disclosing state, the receiving
 * agency, the purpose code and the data categories (sorted, comma-separated), as the disclosure stands after an event.
 */
record DisclosureFilter(String custodianState, String recipientAgency, String purpose, String dataCategories) {

    /** The filter of a disclosure with these details. */
    static DisclosureFilter of(DisclosureDetails details) {
        return new DisclosureFilter(
                details.custodian().state().code(),
                details.recipient().agencyId().value(),
                details.purpose().code().name(),
                details.dataCategories().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }
}
