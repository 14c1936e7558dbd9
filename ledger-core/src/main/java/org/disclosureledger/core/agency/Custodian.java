package org.disclosureledger.core.agency;

import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.shared.InvalidValue;
import org.disclosureledger.core.shared.Texts;

/**
 * The agency that holds the Medicaid data and released it: the state whose program the enrollees belong to, and the
 * agency's name (a state Medicaid agency, or CMS acting for it).
 */
public record Custodian(StateCode state, String agencyName) {

    public Custodian {
        if (state == null) {
            throw new InvalidValue("custodian.state", "custodian.state is required");
        }
        agencyName = Texts.required("custodian.agencyName", agencyName, 200);
    }
}
