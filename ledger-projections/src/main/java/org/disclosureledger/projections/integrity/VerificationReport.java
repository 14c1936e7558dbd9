package org.disclosureledger.projections.integrity;

import java.util.List;

/**
 * The outcome of {@link LedgerVerifier#verify()}: how much was checked and every problem found (up to a limit),
 * first by ledger index. An empty list of problems means every entry still hashes to what was sequenced and every
 * signed checkpoint matches the tree rebuilt from the events.
 */
public record VerificationReport(long entriesChecked, int checkpointsChecked, List<IntegrityProblem> problems) {

    public VerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
