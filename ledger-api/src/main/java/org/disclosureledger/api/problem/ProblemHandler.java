package org.disclosureledger.api.problem;

import java.sql.SQLException;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.disclosureledger.core.disclosure.DisclosureRejected;
import org.disclosureledger.core.disclosure.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem document: 400 for a body that is not the JSON expected, 404 for an
 * unknown disclosure, 409 for a request that conflicts with what is recorded, 413 for a body over the limit, 415 for
 * a wrong content type, 422 for invalid fields or a request the domain refuses. Messages never echo an enrollee
 * identifier, a request that waited longer than {@code ledger.database.lock-timeout} for a lock answers 503 with a
 * {@code Retry-After} (it was rolled back and may be sent again), and unexpected errors answer 500 without detail
 * (the cause is logged without request content).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    /** PostgreSQL's SQLSTATE for a lock wait that ended at lock_timeout. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** Seconds a client is asked to wait before sending again a request that waited too long for a lock. */
    static final long BUSY_RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        return Problems.invalidFields(e.errors());
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage());
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ProblemDetail tooLarge(PayloadTooLarge e) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large", e.getMessage());
    }

    @ExceptionHandler(DisclosureRejected.class)
    ProblemDetail rejected(DisclosureRejected e) {
        HttpStatus status =
                e.reason().kind() == Rejection.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = Problems.of(status, kebab(e.reason()), title(e.reason()), e.getMessage());
        problem.setProperty("reason", e.reason().name());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "unknown-disclosure",
                "Unknown disclosure",
                "no disclosure '" + e.getAggregateIdentifier() + "' is recorded");
    }

    @ExceptionHandler(IdTakenByAnotherEntry.class)
    ProblemDetail idTaken(IdTakenByAnotherEntry e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT, "id-taken-by-another-entry", "Id taken by another entry", e.getMessage());
        problem.setProperty("errors", List.of(new FieldError("disclosureId", e.getMessage())));
        return problem;
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrent(RuntimeException e) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Concurrent change",
                "another request changed this disclosure at the same moment; send the request again");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DisclosureRejected rejected) {
            return asResponse(rejected(rejected));
        }
        if (cause instanceof AggregateNotFoundException missing) {
            return asResponse(notFound(missing));
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (waitedTooLongForALock(e)) {
            log.warn("A request waited longer than ledger.database.lock-timeout for a lock and was rolled back");
            return Problems.unavailable(
                    "busy",
                    "Busy",
                    "the ledger waited too long for another change to the same records; nothing was recorded by this"
                            + " request; send it again",
                    BUSY_RETRY_AFTER_SECONDS);
        }
        log.error("Unexpected failure handling a request: {}", e.getClass().getName(), e);
        return asResponse(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "the ledger could not complete the request; nothing was recorded by this request"));
    }

    private static ResponseEntity<ProblemDetail> asResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        return ResponseEntity.badRequest().body(unreadable(e));
    }

    /**
     * Whether PostgreSQL gave up waiting for a lock ({@code lock_not_available}, after
     * {@code ledger.database.lock-timeout}), however Axon, JPA or Spring wrapped its error.
     */
    private static boolean waitedTooLongForALock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "unknown-field",
                    "Unknown field",
                    field + ": the request has a field '" + unknown.getPropertyName() + "' that this endpoint does"
                            + " not know; check its spelling against the API document");
        }
        if (cause instanceof StreamReadException read) {
            String where = read.getLocation() == null
                    ? ""
                    : " (line " + read.getLocation().getLineNr() + ", column "
                            + read.getLocation().getColumnNr() + ")";
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "Malformed JSON",
                    "the request body is not valid JSON" + where);
        }
        if (cause instanceof DatabindException bind) {
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "wrong-json-type",
                    "Wrong JSON type",
                    path(bind) + ": the value has the wrong JSON type (" + expected(bind) + " was expected in its"
                            + " place)");
        }
        if (cause instanceof JacksonException) {
            return Problems.of(
                    HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", "the request body is not valid JSON");
        }
        return Problems.of(
                HttpStatus.BAD_REQUEST, "missing-body", "Missing or unreadable body", "the request needs a JSON body");
    }

    /** What the field takes, from its type alone: the value sent is never repeated (it may be an identifier). */
    private static String expected(DatabindException e) {
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        return "a text, number, list or object";
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String kebab(Rejection reason) {
        return reason.name().toLowerCase().replace('_', '-');
    }

    private static String title(Rejection reason) {
        String words = reason.name().toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
