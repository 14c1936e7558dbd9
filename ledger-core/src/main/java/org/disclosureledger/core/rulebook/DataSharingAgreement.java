package org.disclosureledger.core.rulebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.AccessWindow;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.jurisdiction.StateCode;

/**
 * A data-sharing agreement with one recipient for some custodian states (empty: any): the days the recipient may
 * have access, whether it may download (a bulk file, or an access window that allows downloading), and the permitted
 * categories. A disclosure it covers that goes outside any of these is a finding.
 */
record DataSharingAgreement(
        String id,
        String title,
        AgencyId recipient,
        Set<StateCode> custodianStates,
        Period access,
        boolean downloadAllowed,
        Set<DataCategory> permittedCategories,
        Severity severity) {

    Optional<Finding> judge(DisclosureDetails details) {
        if (!recipient.equals(details.recipient().agencyId())
                || !(custodianStates.isEmpty()
                        || custodianStates.contains(details.custodian().state()))) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        AccessWindow window = details.accessWindow();
        if (!access.covers(Period.dayOf(details.occurredAt()))) {
            reasons.add("the disclosure on " + Period.dayOf(details.occurredAt()) + " falls outside its access window "
                    + access.describe());
        } else if (window != null && !access.coversSpan(window.opensAt(), window.closesAt())) {
            reasons.add("the disclosure's access window (" + Period.dayOf(window.opensAt()) + " to "
                    + Period.dayOf(window.closesAt()) + ") reaches outside the agreement's " + access.describe());
        }
        boolean download = details.mode() == DisclosureMode.BULK_FILE || (window != null && window.downloadAllowed());
        if (download && !downloadAllowed) {
            reasons.add("it does not allow downloading, and this disclosure "
                    + (details.mode() == DisclosureMode.BULK_FILE ? "handed over a file" : "allowed downloading"));
        }
        Set<DataCategory> beyond = new TreeSet<>(details.dataCategories());
        beyond.removeAll(permittedCategories);
        if (!beyond.isEmpty()) {
            reasons.add("it does not permit " + Words.categories(beyond));
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                id,
                severity,
                "The agreement \"" + title + "\" with " + recipient + ": " + String.join("; ", reasons) + "."));
    }
}
