package org.disclosureledger.api.disclosure;

import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.api.security.Role;
import org.disclosureledger.api.security.Scopes;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.FollowOnRecorded;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.disclosure.Recorded;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records disclosures whose subjects are all known at once, and the follow-ons of any disclosure, for a recorder
 * whose scope covers the disclosure's custodian state; shows a disclosure's status to a recorder or an auditor of
 * that state, or a regulator. Enrollee identifiers travel only in request bodies, never in URLs.
 */
@RestController
@RequestMapping(path = "/api/v1/disclosures", produces = MediaType.APPLICATION_JSON_VALUE)
class DisclosureController {

    private final CommandSender commands;
    private final DisclosureRequests requests;
    private final DisclosureStatusReader statusReader;
    private final Custodians custodians;

    DisclosureController(
            CommandSender commands,
            DisclosureRequests requests,
            DisclosureStatusReader statusReader,
            Custodians custodians) {
        this.commands = commands;
        this.requests = requests;
        this.statusReader = statusReader;
        this.custodians = custodians;
    }

    /**
     * What the ledger holds about a disclosure: current details, bulk progress, and its events. 404 when no
     * disclosure has the id.
     */
    @GetMapping("/{disclosureId}")
    DisclosureStatus status(@AuthenticationPrincipal LedgerUser caller, @PathVariable String disclosureId) {
        DisclosureId id = id(disclosureId);
        DisclosureStatus status = statusReader
                .read(id)
                .orElseThrow(
                        () -> new AggregateNotFoundException(id.value(), "no disclosure '" + id + "' is recorded"));
        if (!caller.has(Role.REGULATOR)) {
            Scopes.requireState(caller, status.details().custodian().state(), "disclosure's custodian");
        }
        return status;
    }

    /** 201 with the new disclosure; 200 with the original result when the same request was already recorded. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordingResponses.Recorded> record(
            @AuthenticationPrincipal LedgerUser recorder, @RequestBody DisclosureBody body) {
        RecordDisclosure command = requests.toRecord(body);
        Scopes.requireState(recorder, command.details().custodian().state(), "disclosure's custodian");
        Recorded recorded = custodians.creating(command.disclosureId(), () -> commands.send(command));
        var response = new RecordingResponses.Recorded(
                recorded.disclosureId().value(),
                recorded.recordedAt(),
                command.subjects().size(),
                recorded.retry());
        return recorded.retry()
                ? ResponseEntity.ok(response)
                : ResponseEntity.created(location(recorded.disclosureId())).body(response);
    }

    @PostMapping(path = "/{disclosureId}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordingResponses.FollowOnRecorded> correct(
            @AuthenticationPrincipal LedgerUser recorder,
            @PathVariable String disclosureId,
            @RequestBody FollowOnBodies.Correction body) {
        custodians.requireRecorderOf(recorder, id(disclosureId));
        return followOn(commands, disclosureId, requests.toCorrection(id(disclosureId), body));
    }

    @PostMapping(path = "/{disclosureId}/destruction-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordingResponses.FollowOnRecorded> requestDestruction(
            @AuthenticationPrincipal LedgerUser recorder,
            @PathVariable String disclosureId,
            @RequestBody FollowOnBodies.DestructionRequest body) {
        custodians.requireRecorderOf(recorder, id(disclosureId));
        return followOn(commands, disclosureId, requests.toDestructionRequest(id(disclosureId), body));
    }

    @PostMapping(path = "/{disclosureId}/destruction-certifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordingResponses.FollowOnRecorded> certifyDestruction(
            @AuthenticationPrincipal LedgerUser recorder,
            @PathVariable String disclosureId,
            @RequestBody FollowOnBodies.DestructionCertification body) {
        custodians.requireRecorderOf(recorder, id(disclosureId));
        return followOn(commands, disclosureId, requests.toCertification(id(disclosureId), body));
    }

    @PostMapping(path = "/{disclosureId}/suspension-lifts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordingResponses.FollowOnRecorded> liftSuspension(
            @AuthenticationPrincipal LedgerUser recorder,
            @PathVariable String disclosureId,
            @RequestBody FollowOnBodies.SuspensionLift body) {
        custodians.requireRecorderOf(recorder, id(disclosureId));
        return followOn(commands, disclosureId, requests.toLift(id(disclosureId), body));
    }

    static ResponseEntity<RecordingResponses.FollowOnRecorded> followOn(
            CommandSender commands, String disclosureId, Object command) {
        FollowOnRecorded recorded = commands.send(command);
        var response = new RecordingResponses.FollowOnRecorded(
                disclosureId, recorded.followOnId().value(), recorded.retry());
        return ResponseEntity.status(recorded.retry() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(response);
    }

    static DisclosureId id(String pathValue) {
        FieldErrors errors = new FieldErrors();
        DisclosureId id = errors.value("disclosureId", () -> new DisclosureId(pathValue));
        errors.throwIfAny();
        return id;
    }

    static URI location(DisclosureId id) {
        return URI.create("/api/v1/disclosures/" + id.value());
    }
}
