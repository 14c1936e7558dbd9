package org.disclosureledger.api.disclosure;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosureledger.api.problem.InvalidRequest;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.api.security.Scopes;
import org.disclosureledger.core.disclosure.AttachSubjects;
import org.disclosureledger.core.disclosure.ChunkAttached;
import org.disclosureledger.core.disclosure.Disclosure;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureRejected;
import org.disclosureledger.core.disclosure.OpenBulkDisclosure;
import org.disclosureledger.core.disclosure.Recorded;
import org.disclosureledger.core.disclosure.Rejection;
import org.disclosureledger.core.disclosure.SealBulkDisclosure;
import org.disclosureledger.core.disclosure.Sealed;
import org.disclosureledger.core.subject.PersonRef;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records bulk disclosures: open one with its details, attach its subjects in numbered chunks, read line by line and
 * pseudonymised as they stream in, then seal it with the subject count. A chunk is NDJSON (one
 * {@code {"state":..,"medicaidId":..}} object per line) or CSV ({@code state,medicaidId} or
 * {@code state,medicaidId,ssn} per line, an optional first line naming the columns; {@link CsvSubjectLine}). Both
 * name the same people the same way: a chunk sent again in the other format is the same chunk.
 */
@RestController
@RequestMapping(path = "/api/v1/bulk-disclosures", produces = MediaType.APPLICATION_JSON_VALUE)
class BulkDisclosureController {

    /** Some editors and spreadsheet exports begin a UTF-8 file with it; it is not part of the first line. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final CommandSender commands;
    private final DisclosureRequests requests;
    private final ObjectReader jsonSubjectReader;
    private final Custodians custodians;

    BulkDisclosureController(
            CommandSender commands, DisclosureRequests requests, JsonMapper json, Custodians custodians) {
        this.commands = commands;
        this.requests = requests;
        this.custodians = custodians;
        this.jsonSubjectReader =
                json.readerFor(SubjectIdentifier.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordingResponses.Recorded> open(
            @AuthenticationPrincipal LedgerUser recorder, @RequestBody DisclosureBody body) {
        OpenBulkDisclosure command = requests.toOpen(body);
        Scopes.requireState(recorder, command.details().custodian().state(), "disclosure's custodian");
        Recorded recorded = custodians.creating(command.disclosureId(), () -> commands.send(command));
        var response = new RecordingResponses.Recorded(
                recorded.disclosureId().value(), recorded.recordedAt(), null, recorded.retry());
        return recorded.retry()
                ? ResponseEntity.ok(response)
                : ResponseEntity.created(DisclosureController.location(recorded.disclosureId()))
                        .body(response);
    }

    @PutMapping(
            path = "/{disclosureId}/chunks/{chunkNumber}",
            consumes = {ChunkFormat.NDJSON_TYPE, ChunkFormat.CSV_TYPE})
    RecordingResponses.ChunkAttached attach(
            @AuthenticationPrincipal LedgerUser recorder,
            @PathVariable String disclosureId,
            @PathVariable String chunkNumber,
            HttpServletRequest request)
            throws IOException {
        DisclosureId id = DisclosureController.id(disclosureId);
        custodians.requireRecorderOf(recorder, id);
        int number = chunkNumber(chunkNumber);
        ChunkFormat format = ChunkFormat.of(request.getContentType())
                .orElseThrow(() -> new IllegalStateException("Spring matched the chunk's content type to neither"));
        List<PersonRef> subjects = readSubjects(
                id, request, format == ChunkFormat.CSV ? BulkDisclosureController::csvLine : this::jsonLine);
        ChunkAttached attached = commands.send(new AttachSubjects(id, number, subjects));
        return new RecordingResponses.ChunkAttached(
                id.value(),
                attached.chunkNumber(),
                attached.subjectsInChunk(),
                attached.subjectsAttached(),
                attached.retry());
    }

    @PostMapping(path = "/{disclosureId}/seal", consumes = MediaType.APPLICATION_JSON_VALUE)
    RecordingResponses.Sealed seal(
            @AuthenticationPrincipal LedgerUser recorder,
            @PathVariable String disclosureId,
            @RequestBody FollowOnBodies.Seal body) {
        DisclosureId id = DisclosureController.id(disclosureId);
        custodians.requireRecorderOf(recorder, id);
        if (body.subjectCount() == null) {
            throw new InvalidRequest("subjectCount", "subjectCount is required: the number of subjects sent");
        }
        if (body.subjectCount() < 1) {
            throw new InvalidRequest("subjectCount", "subjectCount must be at least 1");
        }
        Sealed sealed = commands.send(new SealBulkDisclosure(id, body.subjectCount()));
        return new RecordingResponses.Sealed(
                id.value(), sealed.subjectCount(), sealed.chunkCount(), sealed.manifestRoot(), sealed.retry());
    }

    /** Reads one line of a chunk: its subject, or null for a line to skip (a CSV header). */
    @FunctionalInterface
    private interface LineParser {
        SubjectIdentifier read(String field, String line, boolean firstLine);
    }

    private List<PersonRef> readSubjects(DisclosureId id, HttpServletRequest request, LineParser lines)
            throws IOException {
        List<PersonRef> subjects = new ArrayList<>();
        // The line each person was first read from, so that a repeat names both lines (the ledger would name
        // positions in the chunk, which blank lines and a header make differ from lines).
        Map<PersonRef, Integer> firstLines = new HashMap<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String field = "line " + lineNumber;
                SubjectIdentifier subject = lines.read(field, line, first);
                first = false;
                if (subject == null) {
                    continue;
                }
                if (subjects.size() == Disclosure.MAX_SUBJECTS_PER_CHUNK) {
                    throw new InvalidRequest(
                            "body",
                            "a chunk carries at most " + Disclosure.MAX_SUBJECTS_PER_CHUNK
                                    + " subjects; split the manifest into more chunks");
                }
                PersonRef person = requests.chunkSubject(field, subject);
                Integer earlier = firstLines.putIfAbsent(person, lineNumber);
                if (earlier != null) {
                    throw new DisclosureRejected(
                            id,
                            Rejection.DUPLICATE_SUBJECTS,
                            field,
                            field + " is the same person as line " + earlier
                                    + " (after normalisation); a chunk lists each person once");
                }
                subjects.add(person);
            }
        } catch (IOException e) {
            // The body could not be read whole (Tomcat's ClientAbortException when the connection closes before the
            // declared length arrived). What did arrive is not attached, so the client can send the chunk again.
            throw new InvalidRequest(
                    "body", "the chunk ended before its declared length: the upload was cut off; send it again");
        }
        if (subjects.isEmpty()) {
            throw new InvalidRequest(
                    "body",
                    "the chunk has no subjects: send one subject per line, as a JSON object with state and medicaidId"
                            + " (application/x-ndjson) or as state,medicaidId (text/csv)");
        }
        return subjects;
    }

    private SubjectIdentifier jsonLine(String field, String line, boolean firstLine) {
        try {
            SubjectIdentifier subject = jsonSubjectReader.readValue(line);
            if (subject == null) {
                throw new InvalidRequest(field, "expected a JSON object with state and medicaidId");
            }
            return subject;
        } catch (JacksonException e) {
            throw new InvalidRequest(field, "not a JSON object with state and medicaidId (and optionally ssn)");
        }
    }

    /** A CSV line's subject; a first line that names the columns is skipped. */
    private static SubjectIdentifier csvLine(String field, String line, boolean firstLine) {
        if (firstLine && CsvSubjectLine.isHeader(line)) {
            return null;
        }
        return CsvSubjectLine.subject(field, line);
    }

    private static int chunkNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequest("chunkNumber", "chunkNumber must be a whole number from 1");
    }
}
