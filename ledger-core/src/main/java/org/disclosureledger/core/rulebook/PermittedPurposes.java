package org.disclosureledger.core.rulebook;

import java.util.Optional;
import java.util.Set;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.PurposeOfUse;

/**
 * The purposes a state plan may disclose enrollee data for (42 CFR 431.302: purposes directly connected with
 * administering the plan), as PurposeOfUse codes. A disclosure stating another purpose is a finding.
 */
record PermittedPurposes(
        String id, String citation, Set<PurposeOfUse> purposes, Severity severity, String explanation) {

    Optional<Finding> judge(DisclosureDetails details) {
        PurposeOfUse code = details.purpose().code();
        if (purposes.contains(code)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                id,
                severity,
                "The stated purpose " + code + " is not among the purposes " + citation + " permits (" + explanation
                        + ")."));
    }
}
