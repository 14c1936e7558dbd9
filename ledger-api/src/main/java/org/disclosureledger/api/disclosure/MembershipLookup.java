package org.disclosureledger.api.disclosure;

/**
 * Who asks whether they are in a bulk disclosure's manifest: state and Medicaid id, turned into a person reference at
 * once, never stored or logged.
 */
public record MembershipLookup(String state, String medicaidId) {

    @Override
    public String toString() {
        return "MembershipLookup[redacted]";
    }
}
