package org.disclosureledger.core.agency;

import org.disclosureledger.core.shared.InvalidValue;
import org.disclosureledger.core.shared.Texts;

/**
 * The agency that received the data, as HIPAA's accounting of disclosures names it: the agency, the component within
 * it (optional) and its address.
 */
public record Recipient(AgencyId agencyId, String name, String component, String address) {

    public Recipient {
        if (agencyId == null) {
            throw new InvalidValue("recipient.agencyId", "recipient.agencyId is required");
        }
        name = Texts.required("recipient.name", name, 200);
        component = Texts.optional("recipient.component", component, 200);
        address = Texts.required("recipient.address", address, 500);
    }
}
