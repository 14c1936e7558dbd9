package org.disclosureledger.core.rulebook;

/** A rulebook file that cannot be used: the message is one line naming where in the file and what is wrong. */
public class InvalidRulebook extends RuntimeException {

    public InvalidRulebook(String message) {
        super(message);
    }

    public InvalidRulebook(String message, Throwable cause) {
        super(message, cause);
    }
}
