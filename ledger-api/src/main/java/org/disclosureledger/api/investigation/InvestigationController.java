package org.disclosureledger.api.investigation;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.disclosureledger.api.problem.FieldError;
import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.api.problem.Problems;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.projections.investigation.InvalidDefinition;
import org.disclosureledger.projections.investigation.InvestigationDefinition;
import org.disclosureledger.projections.investigation.InvestigationId;
import org.disclosureledger.projections.investigation.InvestigationState;
import org.disclosureledger.projections.investigation.InvestigationStatus;
import org.disclosureledger.projections.investigation.Investigations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Investigations: {@code POST} a definition (202 and a {@code Location}; a bad definition is a 422 naming the field),
 * {@code GET} its status, follow {@code /progress} as server-sent events (one {@code progress} event every half
 * second, then one {@code end} event), then {@code GET /report} (canonical JSON, its SHA-256 in {@code Repr-Digest})
 * and {@code /bundle} (the evidence zip).
 */
@RestController
@RequestMapping("/api/v1/investigations")
class InvestigationController {

    private static final long PROGRESS_EVERY_MILLIS = 500;
    /**
     * Seconds a regulator is asked to wait when the queue is full: a replay of a large ledger takes minutes, so asking
     * sooner would mostly be refused again.
     */
    static final long BUSY_RETRY_AFTER_SECONDS = 60;

    private final Investigations investigations;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "investigation-progress");
        thread.setDaemon(true);
        return thread;
    });

    InvestigationController(Investigations investigations) {
        this.investigations = investigations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InvestigationStatus> start(@RequestBody InvestigationBody body) {
        InvestigationId id = investigations.start(definition(body));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/investigations/" + id.value()))
                .body(investigations.status(id).orElseThrow());
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    InvestigationStatus status(@PathVariable String id) {
        return find(id);
    }

    @GetMapping(path = "/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progress(@PathVariable String id) {
        InvestigationId investigation = find(id).id();
        SseEmitter emitter = new SseEmitter(0L);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> running = task.get();
            if (running != null) {
                running.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        task.set(ticker.scheduleWithFixedDelay(
                () -> {
                    try {
                        InvestigationStatus status =
                                investigations.status(investigation).orElseThrow();
                        emitter.send(SseEmitter.event().name("progress").data(status.progress()));
                        if (status.state() != InvestigationState.QUEUED
                                && status.state() != InvestigationState.RUNNING) {
                            emitter.send(SseEmitter.event().name("end").data(status));
                            emitter.complete();
                            stop.run();
                        }
                    } catch (IOException | RuntimeException e) {
                        emitter.completeWithError(e);
                        stop.run();
                    }
                },
                0,
                PROGRESS_EVERY_MILLIS,
                TimeUnit.MILLISECONDS));
        return emitter;
    }

    @GetMapping(path = "/{id}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> report(@PathVariable String id) {
        InvestigationStatus status = done(id);
        byte[] report = investigations.report(status.id()).orElseThrow();
        return ResponseEntity.ok()
                .header("Repr-Digest", "sha-256=:" + base64(status.reportSha256()) + ":")
                .contentType(MediaType.APPLICATION_JSON)
                .body(report);
    }

    @GetMapping(path = "/{id}/bundle", produces = "application/zip")
    ResponseEntity<StreamingResponseBody> bundle(@PathVariable String id) {
        InvestigationStatus status = done(id);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"investigation-" + status.id().value() + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(out -> investigations.writeBundle(status.id(), out));
    }

    @ExceptionHandler(InvalidDefinition.class)
    ProblemDetail invalid(InvalidDefinition e) {
        return Problems.invalidFields(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(Investigations.Busy.class)
    ResponseEntity<ProblemDetail> busy(Investigations.Busy e) {
        return Problems.unavailable(
                "investigations-busy", "Too many investigations", e.getMessage(), BUSY_RETRY_AFTER_SECONDS);
    }

    @ExceptionHandler(UnknownInvestigation.class)
    ProblemDetail unknown(UnknownInvestigation e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-investigation", "Unknown investigation", e.getMessage());
    }

    @ExceptionHandler(NotDone.class)
    ProblemDetail notDone(NotDone e) {
        return Problems.of(HttpStatus.CONFLICT, "investigation-not-done", "Investigation not done", e.getMessage());
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }

    private InvestigationStatus find(String id) {
        InvestigationId investigation;
        try {
            investigation = new InvestigationId(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownInvestigation(id);
        }
        return investigations.status(investigation).orElseThrow(() -> new UnknownInvestigation(id));
    }

    private InvestigationStatus done(String id) {
        InvestigationStatus status = find(id);
        if (status.state() != InvestigationState.DONE) {
            throw new NotDone(status);
        }
        return status;
    }

    private static InvestigationDefinition definition(InvestigationBody body) {
        FieldErrors errors = new FieldErrors();
        Instant from = instant(errors, "occurredFrom", body.occurredFrom());
        Instant to = instant(errors, "occurredTo", body.occurredTo());
        List<AgencyId> recipients = list(errors, "recipients", body.recipients(), AgencyId::new);
        List<StateCode> states = list(errors, "custodianStates", body.custodianStates(), StateCode::new);
        List<DataCategory> categories = enums(errors, "dataCategories", body.dataCategories(), DataCategory.class);
        List<PurposeOfUse> purposes = enums(errors, "purposes", body.purposes(), PurposeOfUse.class);
        InvestigationBody.AsOf asOf = body.asOf();
        Instant asOfInstant =
                asOf == null || asOf.instant() == null ? null : instant(errors, "asOf.instant", asOf.instant());
        errors.throwIfAny();
        return new InvestigationDefinition(
                from,
                to,
                recipients,
                states,
                categories,
                purposes,
                body.rulebookVersion(),
                asOf == null ? null : asOf.treeSize(),
                asOfInstant);
    }

    private static Instant instant(FieldErrors errors, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, field + " is not an ISO-8601 instant such as 2025-08-12T00:00:00Z");
            return null;
        }
    }

    private static <T> List<T> list(FieldErrors errors, String field, List<String> texts, Function<String, T> parse) {
        if (texts == null) {
            return List.of();
        }
        return texts.stream()
                .map(t -> errors.value(field, () -> parse.apply(t)))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static <E extends Enum<E>> List<E> enums(
            FieldErrors errors, String field, List<String> texts, Class<E> type) {
        if (texts == null) {
            return List.of();
        }
        return texts.stream()
                .map(t -> errors.enumValue(field, t, type))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static String base64(String hex) {
        return java.util.Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of().parseHex(hex));
    }

    /** No investigation has the id in the URL. */
    private static final class UnknownInvestigation extends RuntimeException {
        UnknownInvestigation(String id) {
            super("no investigation '" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "'");
        }
    }

    /** The report or bundle was asked for before the investigation finished. */
    private static final class NotDone extends RuntimeException {
        NotDone(InvestigationStatus status) {
            super("investigation " + status.id().value() + " is " + status.state()
                    + "; its report exists once it is DONE");
        }
    }
}
