package org.disclosureledger.api.rulebook;

import org.disclosureledger.core.rulebook.InvalidRulebook;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start that failed on an unusable rulebook into Spring Boot's short failure report: the one line naming the
 * file, the place in it and the problem, and what to do, instead of a stack of bean-creation exceptions.
 */
public class InvalidRulebookFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRulebook> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRulebook cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the rulebook file (its format is in docs/rulebook.md), or leave ledger.rulebook.location"
                        + " (LEDGER_RULEBOOK_LOCATION) empty to judge with the sample rulebook.",
                cause);
    }
}
