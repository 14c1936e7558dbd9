package org.disclosureledger.core.rulebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;

/**
 * A court order: in force over a period of days, for disclosures to some recipients from some custodian states (an
 * empty set means any), it bars some data categories (or allows only some) and may bar some purposes.
 *
 * @param allowedCategories when not null, every other category is barred
 */
record CourtOrder(
        String id,
        String court,
        String caseName,
        String title,
        Period period,
        Set<AgencyId> recipients,
        Set<StateCode> custodianStates,
        Set<PurposeOfUse> scopePurposes,
        Set<DataCategory> barredCategories,
        Set<DataCategory> allowedCategories,
        Set<PurposeOfUse> barredPurposes,
        Severity severity) {

    Optional<Finding> judge(DisclosureDetails details, Instant judgedAt) {
        if (!period.covers(Period.dayOf(judgedAt)) || !inScope(details)) {
            return Optional.empty();
        }
        Set<DataCategory> barred = new TreeSet<>();
        for (DataCategory category : details.dataCategories()) {
            if (barredCategories.contains(category)
                    || (allowedCategories != null && !allowedCategories.contains(category))) {
                barred.add(category);
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!barred.isEmpty()) {
            reasons.add("it bars " + Words.categories(barred) + " from "
                    + details.custodian().state() + " going to "
                    + details.recipient().agencyId()
                    + (allowedCategories == null ? "" : " (it allows only " + allowedText() + ")"));
        }
        if (barredPurposes.contains(details.purpose().code())) {
            reasons.add(
                    "it bars disclosures for the purpose " + details.purpose().code());
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                id,
                severity,
                "The order \"" + title + "\" (" + court + ", " + caseName + "), in force " + period.describe()
                        + ", applied on " + Period.dayOf(judgedAt) + ": " + String.join("; and ", reasons) + "."));
    }

    private boolean inScope(DisclosureDetails details) {
        return (recipients.isEmpty() || recipients.contains(details.recipient().agencyId()))
                && (custodianStates.isEmpty()
                        || custodianStates.contains(details.custodian().state()))
                && (scopePurposes.isEmpty()
                        || scopePurposes.contains(details.purpose().code()));
    }

    private String allowedText() {
        return allowedCategories.isEmpty() ? "no category" : Words.categories(allowedCategories);
    }
}
