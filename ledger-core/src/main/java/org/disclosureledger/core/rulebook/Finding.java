package org.disclosureledger.core.rulebook;

import java.util.Objects;

/**
 * What a rule found about one disclosure: the rule's id in its rulebook, how serious it is, and a plain-language
 * explanation a regulator or an enrollee can read without the rulebook at hand. Never names an enrollee.
 */
public record Finding(String ruleId, Severity severity, String explanation) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(explanation, "explanation");
    }
}
