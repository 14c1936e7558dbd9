package org.disclosureledger.projections.summary;

import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.rulebook.Severity;

/**
 * What one recipient agency received in all: a line of the list of agencies. A disclosure counts as flagged while the
 * latest judgement of its details by the rulebook found something.
 *
 * @param agency                    the recipient agency
 * @param recipientName             its name, as given on its most recent disclosure
 * @param disclosures               how many disclosures it received
 * @param subjects                  how many distinct people's data it received
 * @param records                   how many records it received (the disclosures' record counts added up)
 * @param openDestructionRequests   destruction requests no certification has answered yet
 * @param certifiedDestructions     destructions the agency certified
 * @param flaggedDisclosures        how many of its disclosures the rulebook flagged, each once however many findings
 * @param flaggedSubjects           how many distinct people its flagged disclosures named
 * @param mostSevereFinding         the most severe finding among its flagged disclosures; null if none is flagged
 */
public record AgencyTotals(
        AgencyId agency,
        String recipientName,
        long disclosures,
        long subjects,
        long records,
        long openDestructionRequests,
        long certifiedDestructions,
        long flaggedDisclosures,
        long flaggedSubjects,
        Severity mostSevereFinding) {}
