package org.disclosureledger.core.shared;

/**
 * A value that fails validation, naming the field at fault (such as {@code recipient.address}) so that an API can
 * point the caller at it. Messages never repeat an enrollee identifier.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The path of the field at fault, relative to the value being built. */
    public String field() {
        return field;
    }
}
