package org.disclosureledger.api.problem;

import java.util.List;

/** A request whose fields do not validate; answered with 422 and every field error found. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public InvalidRequest(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
