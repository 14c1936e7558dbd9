package org.disclosureledger.api.disclosure;

import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureRejected;
import org.disclosureledger.core.disclosure.Rejection;
import org.disclosureledger.projections.history.MembershipAnswer;
import org.disclosureledger.projections.history.MembershipProofs;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in enrollee disputes a disclosure of their own data: the disputing subject is the person their token is
 * bound to, so nobody can dispute in another person's name; the disclosure refuses a dispute from someone who is not
 * one of its subjects. A bulk disclosure keeps no list of its subjects, so for one its sealed manifest, as the person
 * history holds it, is asked first (as for a membership proof).
 */
@RestController
class EnrolleeDisputeController {

    private final CommandSender commands;
    private final DisclosureRequests requests;
    private final MembershipProofs manifests;

    EnrolleeDisputeController(CommandSender commands, DisclosureRequests requests, MembershipProofs manifests) {
        this.commands = commands;
        this.requests = requests;
        this.manifests = manifests;
    }

    @PostMapping(
            path = "/api/v1/me/disclosures/{disclosureId}/disputes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordingResponses.FollowOnRecorded> dispute(
            @AuthenticationPrincipal LedgerUser enrollee,
            @PathVariable String disclosureId,
            @RequestBody FollowOnBodies.Dispute body) {
        DisclosureId id = DisclosureController.id(disclosureId);
        // Only a sealed manifest, not withheld, answers "not in it"; anything else is the disclosure's to refuse.
        if (manifests.prove(id, enrollee.person()) instanceof MembershipAnswer.NotInManifest) {
            throw new DisclosureRejected(
                    id, Rejection.NOT_A_SUBJECT, "subject", "the person disputing is not a subject of this disclosure");
        }
        return DisclosureController.followOn(commands, disclosureId, requests.toDispute(id, enrollee.person(), body));
    }
}
