package org.disclosureledger.api.problem;

/** A request body above the configured limit; answered with 413 before anything is recorded. */
public class PayloadTooLarge extends RuntimeException {

    private final long limitBytes;

    public PayloadTooLarge(long limitBytes) {
        super("the request body is larger than the limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
