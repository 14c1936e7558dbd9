package org.disclosureledger.projections.integrity;

import java.util.List;

/**
 * The outcome of {@link LedgerVerifier#verify()}: how much was checked and every problem found (up to a limit),
 * first by ledger index. An empty list of problems means every entry still hashes to what was sequenced and every
 * signed checkpoint matches the tree rebuilt from the events. {@code signaturesChecked} counts the checkpoints whose
 * signature was checked (not those beyond the entries stored), {@code signaturesVerified} those whose signature
 * verified with the key: none out of several suggests the wrong key, as much as replaced checkpoints.
 */
public record VerificationReport(
        long entriesChecked,
        int checkpointsChecked,
        int signaturesChecked,
        int signaturesVerified,
        List<IntegrityProblem> problems) {

    public VerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
