package org.disclosureledger.projections.stream;

/**
 * Messages could not be published, or not confirmed: the broker is away, slow, or refused them. Thrown so that the
 * work that asked for them is not recorded as done and is tried again; nothing of it is counted as published.
 */
public class StreamPublishFailure extends RuntimeException {

    private final String topic;
    private final int messages;

    StreamPublishFailure(String topic, int messages, String reason, Throwable cause) {
        this(topic, messages, cause, messages + " message(s) to topic " + topic + " were not acknowledged: " + reason);
    }

    private StreamPublishFailure(String topic, int messages, Throwable cause, String message) {
        super(message, cause);
        this.topic = topic;
        this.messages = messages;
    }

    /**
     * Nothing was sent because the topic cannot be published to yet: it could not be checked or created, or its
     * configuration would make publishing fail. The reason says what to change.
     */
    static StreamPublishFailure beforeSending(String topic, String reason, Throwable cause) {
        return new StreamPublishFailure(topic, 0, cause, "nothing was sent to topic " + topic + ": " + reason);
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
