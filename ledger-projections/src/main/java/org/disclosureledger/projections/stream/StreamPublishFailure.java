package org.disclosureledger.projections.stream;

/**
 * Messages could not be published, or not confirmed: the broker is away, slow, or refused them. Thrown so that the
 * work that asked for them is not recorded as done and is tried again; nothing of it is counted as published.
 */
public class StreamPublishFailure extends RuntimeException {

    private final String topic;
    private final int messages;

    StreamPublishFailure(String topic, int messages, String reason, Throwable cause) {
        super(messages + " message(s) to topic " + topic + " were not acknowledged: " + reason, cause);
        this.topic = topic;
        this.messages = messages;
    }

    /** The topic the messages were for. */
    public String topic() {
        return topic;
    }

    /** How many messages the failed publication held. */
    public int messages() {
        return messages;
    }
}
