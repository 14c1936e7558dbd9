package org.disclosureledger.watchdog.bundle;

/** A file that is not an evidence bundle at all (not a zip, or without its report or checkpoint): exit 2. */
public final class UnusableBundle extends RuntimeException {

    public UnusableBundle(String message) {
        super(message);
    }
}
