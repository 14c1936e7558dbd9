package org.disclosureledger.api.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the API's problem documents. Each problem type is a stable URN such as
 * {@code urn:disclosure-ledger:problem:invalid-field}, listed in {@code docs/api-errors.md}.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:disclosure-ledger:problem:";

    private Problems() {}

    /** A problem of the given type, status, title and detail. */
    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    /** 503: the ledger could not take the request now, which may be sent again after {@code retryAfterSeconds}. */
    public static ResponseEntity<ProblemDetail> unavailable(
            String type, String title, String detail, long retryAfterSeconds) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(of(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail));
    }

    /** 422 listing every invalid field. */
    public static ProblemDetail invalidFields(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid; see errors";
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "Invalid request field", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
