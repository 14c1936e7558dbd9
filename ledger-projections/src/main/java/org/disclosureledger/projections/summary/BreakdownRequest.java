package org.disclosureledger.projections.summary;

import java.time.YearMonth;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;

/**
 * Which of an agency's summary cells to read. Every filter is optional: null means any.
 *
 * @param agency   the recipient agency (required)
 * @param state    only this custodian state
 * @param purpose  only this purpose of use
 * @param category only this data category
 * @param from     only this month and later
 * @param to       only this month and earlier
 */
public record BreakdownRequest(
        AgencyId agency, StateCode state, PurposeOfUse purpose, DataCategory category, YearMonth from, YearMonth to) {

    /** Checks that an agency is named and that the months are in order. */
    public BreakdownRequest {
        if (agency == null) {
            throw new IllegalArgumentException("a breakdown needs a recipient agency, such as us-dhs-ice");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException(
                    "the breakdown's first month (" + from + ") is after its last month (" + to + ")");
        }
    }

    /** Every cell of the agency. */
    public static BreakdownRequest all(AgencyId agency) {
        return new BreakdownRequest(agency, null, null, null, null, null);
    }
}
