package org.disclosureledger.projections.summary;

import java.time.YearMonth;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.rulebook.Severity;

/**
 * What one agency received from one state, for one purpose, of one data category, in one month (UTC, by when the
 * disclosures occurred): a line of an agency's breakdown. A disclosure of several categories counts in each of their
 * cells, and a person may be in several cells, so {@code subjects} is exact for this cell and never adds up across
 * cells. A disclosure counts as flagged while the latest judgement of its details by the rulebook found something.
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
 * @param flaggedDisclosures      how many of the disclosures the rulebook flagged, each once however many findings
 * @param mostSevereFinding       the most severe finding among the flagged disclosures; null if none is flagged
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
        long certifiedDestructions,
        long flaggedDisclosures,
        Severity mostSevereFinding) {}
