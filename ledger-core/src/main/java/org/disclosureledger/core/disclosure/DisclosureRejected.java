package org.disclosureledger.core.disclosure;

/**
 * The {@link Disclosure} aggregate refused a command; nothing was written. Carries which disclosure, why (as a
 * {@link Rejection}), the field at fault when there is one, and a sentence a caller can act on.
 */
public class DisclosureRejected extends RuntimeException {

    private final DisclosureId disclosureId;
    private final Rejection reason;
    private final String field;

    public DisclosureRejected(DisclosureId disclosureId, Rejection reason, String field, String message) {
        super(message);
        this.disclosureId = disclosureId;
        this.reason = reason;
        this.field = field;
    }

    public DisclosureId disclosureId() {
        return disclosureId;
    }

    public Rejection reason() {
        return reason;
    }

    /** The request field at fault, such as {@code subjects}, or null when the whole command is at fault. */
    public String field() {
        return field;
    }
}
