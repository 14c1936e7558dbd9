package org.disclosureledger.projections.summary;

import org.disclosureledger.core.agency.AgencyId;

/**
 * What one recipient agency received in all: a line of the list of agencies.
 *
 * @param agency                    the recipient agency
 * @param recipientName             its name, as given on its most recent disclosure
 * @param disclosures               how many disclosures it received
 * @param subjects                  how many distinct people's data it received
 * @param records                   how many records it received (the disclosures' record counts added up)
 * @param openDestructionRequests   destruction requests no certification has answered yet
 * @param certifiedDestructions     destructions the agency certified
 */
public record AgencyTotals(
        AgencyId agency,
        String recipientName,
        long disclosures,
        long subjects,
        long records,
        long openDestructionRequests,
        long certifiedDestructions) {}
