package org.disclosureledger.api.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller is to the ledger, as the identity provider's {@code roles} claim names it. */
public enum Role {
    /** A disclosing system: records disclosures and their follow-ons for its own custodian states. */
    RECORDER,
    /** A person enrolled in Medicaid: reads and disputes only their own history. */
    ENROLLEE,
    /** A state auditor: summaries, disclosures and histories of the states in their scope, with a stated purpose. */
    AUDITOR,
    /** A regulator: investigations and evidence bundles. */
    REGULATOR,
    /** An operator: verification and operations; a history only with a stated purpose. */
    ADMIN;

    /** The claim's spelling: lower case. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority granted for the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    static Optional<Role> ofClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue().equals(value)).findFirst();
    }
}
