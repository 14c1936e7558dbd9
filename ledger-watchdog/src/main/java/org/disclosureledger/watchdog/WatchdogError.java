package org.disclosureledger.watchdog;

/** A usage or connection error, reported as one line on stderr with exit code 2. */
public final class WatchdogError extends RuntimeException {

    public WatchdogError(String message) {
        super(message);
    }
}
