package org.disclosureledger.api.disclosure;

import org.disclosureledger.api.problem.Problems;
import org.disclosureledger.api.security.AccessRecorder;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.history.MembershipAnswer;
import org.disclosureledger.projections.history.MembershipProofs;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in enrollee's proof that they are in a sealed bulk disclosure's manifest, answered by
 * {@link MembershipProofs} for the person their token is bound to; nobody can ask about anyone else. The read is
 * recorded on the ledger first.
 */
@RestController
@RequestMapping(path = "/api/v1/me/bulk-disclosures", produces = MediaType.APPLICATION_JSON_VALUE)
class MembershipProofController {

    private final MembershipProofs proofs;
    private final AccessRecorder accesses;

    MembershipProofController(MembershipProofs proofs, AccessRecorder accesses) {
        this.proofs = proofs;
        this.accesses = accesses;
    }

    @GetMapping(path = "/{disclosureId}/membership-proof")
    ResponseEntity<?> membershipProof(@AuthenticationPrincipal LedgerUser enrollee, @PathVariable String disclosureId) {
        DisclosureId id = DisclosureController.id(disclosureId);
        PersonRef person = enrollee.person();
        accesses.recordRead(enrollee, person, AccessedRecord.MEMBERSHIP_PROOF, AccessRecorder.OWN_RECORDS);
        MembershipAnswer answer = proofs.prove(id, person);
        if (answer instanceof MembershipAnswer.Proven proven) {
            return ResponseEntity.ok(MembershipProofView.of(proven.proof()));
        }
        if (answer instanceof MembershipAnswer.NotInManifest) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "not-in-manifest",
                    "Not in the manifest",
                    "the person is not a subject of bulk disclosure " + id.value());
        }
        if (answer instanceof MembershipAnswer.NotSealed) {
            return problem(
                    HttpStatus.CONFLICT,
                    "not-sealed",
                    "Not sealed",
                    "bulk disclosure " + id.value() + " is not sealed yet: its manifest has no root to prove"
                            + " membership against");
        }
        if (answer instanceof MembershipAnswer.Withheld withheld) {
            return problem(
                    HttpStatus.CONFLICT,
                    "membership-withheld",
                    "Withheld while suspended",
                    "bulk disclosure " + id.value() + " is suspended until " + withheld.until() + " ("
                            + withheld.authority() + "); membership is not shown to anyone until then");
        }
        return problem(
                HttpStatus.NOT_FOUND,
                "unknown-disclosure",
                "Unknown disclosure",
                "no bulk disclosure " + id.value() + " is recorded");
    }

    private static ResponseEntity<?> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, type, title, detail));
    }
}
