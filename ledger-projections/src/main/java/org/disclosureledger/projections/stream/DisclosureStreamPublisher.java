package org.disclosureledger.projections.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.disclosureledger.core.stream.StreamKind;

/**
 * Publishes a batch of stored events, in ledger order, to the disclosures topic, keyed by disclosure id (and flagged
 * ones also to the alerts topic), for the {@link StreamRelay}.
 *
 * <p>Each message carries its disclosure's filter attributes as they stand after its event. They come from the ledger
 * itself: the event that set them last (the disclosure's first event or its latest correction), in the batch or, for
 * a disclosure whose first event in the batch is a follow-on, read from the event store (one query per batch). Every
 * message of the batch is made before the first is sent, so that an event whose message cannot be made fails the
 * batch before anything of it reaches the broker (rather than sending the messages before it again at every retry);
 * the batch is published once every message is acknowledged. Anything that fails throws, so that the relay does not
 * move past the batch and tries it again later: an event is never passed over unpublished, though it may be published
 * twice.
 */
final class DisclosureStreamPublisher {

    private final StreamStore store;
    private final StoredEvents storedEvents;
    private final DisclosureMessages messages;
    private final StreamTopics topics;
    private final StreamProducer producer;
    private final StreamMetrics metrics;

    DisclosureStreamPublisher(
            StreamStore store,
            StoredEvents storedEvents,
            DisclosureMessages messages,
            StreamTopics topics,
            StreamProducer producer,
            StreamMetrics metrics) {
        this.store = store;
        this.storedEvents = storedEvents;
        this.messages = messages;
        this.topics = topics;
        this.producer = producer;
        this.metrics = metrics;
    }

    /** Creates the stream's missing topics (see {@link StreamTopics#ensureCreated}), before anything is sent. */
    void createTopics() {
        topics.ensureCreated();
    }

    /**
     * Makes a batch's messages and hands them to the producer, in order, without waiting for the broker: the batch is
     * published once {@link SentBatch#await} returns.
     *
     * @param positions each event's place in the ledger, by event identifier
     * @throws RuntimeException if a message could not be made (then none of the batch was sent) or sent
     */
    SentBatch send(List<StoredDisclosureEvent> batch, Map<String, LedgerPosition> positions) {
        topics.ensureCreated();
        Map<String, DisclosureFilter> filters = filtersBefore(batch);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(batch.size());
        List<ProducerRecord<String, byte[]>> alerts = new ArrayList<>();
        for (StoredDisclosureEvent event : batch) {
            String id = DisclosureMessages.disclosureIdOf(event);
            LedgerPosition position = positions.get(event.eventIdentifier());
            if (event.kind().isAccess()) {
                records.add(StreamProducer.record(
                        topics.settings().disclosures(), id, messages.accessEvent(event, position)));
                continue;
            }
            DisclosureMessages.filterSetBy(event).ifPresent(filter -> filters.put(id, filter));
            DisclosureFilter filter = filters.get(id);
            if (filter == null) {
                throw new IllegalStateException("event " + event.eventIdentifier() + " of disclosure " + id
                        + " has no earlier event that recorded the disclosure");
            }
            byte[] message = messages.disclosureEvent(event, position, filter);
            records.add(StreamProducer.record(topics.settings().disclosures(), id, message));
            if (event.kind() == StreamKind.FLAGGED) {
                alerts.add(StreamProducer.record(topics.settings().alerts(), id, message));
            }
        }
        return new SentBatch(producer.send(topics.settings().disclosures(), records), alerts);
    }

    /** Sends at once whatever the producer holds, and waits for it (see {@link StreamProducer#flush}). */
    void flush() {
        producer.flush();
    }

    /** A batch whose messages to the disclosures topic were handed to the producer; its alerts are still to send. */
    final class SentBatch {

        private final StreamProducer.Acknowledgements disclosures;
        private final List<ProducerRecord<String, byte[]>> alerts;

        private SentBatch(StreamProducer.Acknowledgements disclosures, List<ProducerRecord<String, byte[]>> alerts) {
            this.disclosures = disclosures;
            this.alerts = alerts;
        }

        /**
         * Returns once the broker acknowledged every message of the batch: those to the disclosures topic, then its
         * alerts, sent only then so that an alert is never seen before the entry it is about.
         *
         * @throws StreamPublishFailure if any was not acknowledged; nothing is counted as published
         */
        void await() {
            disclosures.await();
            if (!alerts.isEmpty()) {
                // Not flushed: a flush would also wait for the next batch, handed over meanwhile.
                producer.send(topics.settings().alerts(), alerts).await();
            }
            metrics.disclosuresPublished(disclosures.count());
        }
    }

    /**
     * The filter attributes, as they stood before the batch, of the disclosures whose first event in the batch is a
     * follow-on (one that does not set them); the others' come from that first event.
     */
    private Map<String, DisclosureFilter> filtersBefore(List<StoredDisclosureEvent> batch) {
        Set<String> seen = new HashSet<>();
        Map<String, Long> before = new LinkedHashMap<>();
        for (StoredDisclosureEvent event : batch) {
            if (event.kind().isAccess()) {
                continue;
            }
            String id = DisclosureMessages.disclosureIdOf(event);
            if (seen.add(id) && !DisclosureMessages.SETS_FILTER.contains(event.kind())) {
                before.put(id, event.sequenceNumber());
            }
        }
        Map<String, DisclosureFilter> filters = new HashMap<>();
        if (before.isEmpty()) {
            return filters;
        }
        for (StoredDisclosureEvent setter :
                storedEvents.read(store.latestEventsBefore(before, DisclosureMessages.SETS_FILTER_STORED_AS))) {
            DisclosureMessages.filterSetBy(setter)
                    .ifPresent(filter -> filters.put(DisclosureMessages.disclosureIdOf(setter), filter));
        }
        return filters;
    }
}
