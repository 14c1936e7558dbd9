package org.disclosureledger.api.disclosure;

import org.disclosureledger.api.security.LedgerUser;
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
 * one of its subjects.
 */
@RestController
class EnrolleeDisputeController {

    private final CommandSender commands;
    private final DisclosureRequests requests;

    EnrolleeDisputeController(CommandSender commands, DisclosureRequests requests) {
        this.commands = commands;
        this.requests = requests;
    }

    @PostMapping(
            path = "/api/v1/me/disclosures/{disclosureId}/disputes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordingResponses.FollowOnRecorded> dispute(
            @AuthenticationPrincipal LedgerUser enrollee,
            @PathVariable String disclosureId,
            @RequestBody FollowOnBodies.Dispute body) {
        return DisclosureController.followOn(
                commands,
                disclosureId,
                requests.toDispute(DisclosureController.id(disclosureId), enrollee.person(), body));
    }
}
