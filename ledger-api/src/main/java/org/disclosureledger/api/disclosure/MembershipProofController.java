package org.disclosureledger.api.disclosure;

import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.api.problem.Problems;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.disclosureledger.projections.history.MembershipAnswer;
import org.disclosureledger.projections.history.MembershipProofs;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subject's proof that they are in a sealed bulk disclosure's manifest, looked up by state and Medicaid id sent in
 * the body (pseudonymised at once, as the history lookup is) and answered by {@link MembershipProofs}.
 */
@RestController
@RequestMapping(path = "/api/v1/bulk-disclosures", produces = MediaType.APPLICATION_JSON_VALUE)
class MembershipProofController {

    private final Pseudonymiser pseudonymiser;
    private final MembershipProofs proofs;

    MembershipProofController(Pseudonymiser pseudonymiser, MembershipProofs proofs) {
        this.pseudonymiser = pseudonymiser;
        this.proofs = proofs;
    }

    @PostMapping(path = "/{disclosureId}/membership-proof", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> membershipProof(@PathVariable String disclosureId, @RequestBody MembershipLookup lookup) {
        DisclosureId id = DisclosureController.id(disclosureId);
        FieldErrors errors = new FieldErrors();
        StateCode state = errors.value("state", () -> new StateCode(lookup.state()));
        errors.value("medicaidId", () -> Pseudonymiser.normaliseMedicaidId(lookup.medicaidId()));
        errors.throwIfAny();
        PersonRef person = pseudonymiser.pseudonymise(state, lookup.medicaidId());
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
