package org.disclosureledger.watchdog.stream;

/** A readable message from one of the stream's topics. */
public sealed interface StreamMessage permits DisclosureMessage, CheckpointMessage, FindingMessage {

    /** The CloudEvents {@code id}: the same on redelivery. */
    String id();
}
