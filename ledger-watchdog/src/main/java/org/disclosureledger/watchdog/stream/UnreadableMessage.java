package org.disclosureledger.watchdog.stream;

/** A message that is not what {@code docs/stream.md} says its topic carries; the message says why. */
public final class UnreadableMessage extends Exception {

    public UnreadableMessage(String reason) {
        super(reason);
    }
}
