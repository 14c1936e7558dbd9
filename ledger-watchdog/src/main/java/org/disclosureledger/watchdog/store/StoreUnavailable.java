package org.disclosureledger.watchdog.store;

/** The store cannot be opened or used: missing, in use by another watchdog, or broken. The message says which. */
public final class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
