package org.disclosureledger.api.admin;

import org.disclosureledger.projections.integrity.LedgerVerifier;
import org.disclosureledger.projections.integrity.VerificationReport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verifies the whole ledger: every entry recomputed from its stored event, the tree rebuilt, every signed
 * checkpoint checked. Answers 200 with the report either way; {@code intact} says whether anything was found.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private final LedgerVerifier verifier;

    AdminController(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    /** The report, with {@code intact} and the first problems found, each naming its entry or checkpoint. */
    record Report(
            boolean intact,
            long entriesChecked,
            int checkpointsChecked,
            java.util.List<org.disclosureledger.projections.integrity.IntegrityProblem> problems) {}

    @PostMapping("/verify")
    Report verify() {
        VerificationReport report = verifier.verify();
        return new Report(report.intact(), report.entriesChecked(), report.checkpointsChecked(), report.problems());
    }
}
