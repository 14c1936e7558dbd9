package org.disclosureledger.projections.summary;

import java.util.List;
import org.disclosureledger.core.agency.AgencyId;

/**
 * One recipient agency's summary cells, as filtered by a {@link BreakdownRequest}, ordered by month, state, purpose
 * and category.
 *
 * @param agency        the recipient agency
 * @param recipientName its name, as given on its most recent disclosure
 * @param cells         the cells, possibly none if the filters match nothing
 */
public record AgencyBreakdown(AgencyId agency, String recipientName, List<SummaryCell> cells) {

    /** Keeps an unmodifiable copy of the cells. */
    public AgencyBreakdown {
        cells = List.copyOf(cells);
    }
}
