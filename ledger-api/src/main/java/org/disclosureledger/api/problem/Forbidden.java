package org.disclosureledger.api.problem;

/**
 * The caller reached the endpoint but not this object: another state than their scope covers, another person's
 * record. Answered 403 {@code forbidden}; nothing is written. The message names the state or the kind of record,
 * never a person.
 */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
