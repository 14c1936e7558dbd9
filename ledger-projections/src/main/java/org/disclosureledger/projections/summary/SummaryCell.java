package org.disclosureledger.projections.summary;

import java.time.YearMonth;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;

/**
 * What one agency received from one state, for one purpose, of one data category, in one month (UTC, by when the
 * disclosures occurred): a line of an agency's breakdown. A disclosure of several categories counts in each of their
 * cells, and a person may be in several cells, so {@code subjects} is exact for this cell and never adds up across
 * cells.
 *
 * @param state                   the custodian's state
 * @param purpose                 the purpose of use
 * @param category                the data category
 * @param month                   the month the disclosures occurred in
 * @param disclosures             how many disclosures
 * @param subjects                how many distinct people
 * @param records                 how many records
 * @param openDestructionRequests destruction requests on these disclosures that no certification has answered
 * @param certifiedDestructions   destructions certified for these disclosures
 */
public record SummaryCell(
        StateCode state,
        PurposeOfUse purpose,
        DataCategory category,
        YearMonth month,
        long disclosures,
        long subjects,
        long records,
        long openDestructionRequests,
        long certifiedDestructions) {}
