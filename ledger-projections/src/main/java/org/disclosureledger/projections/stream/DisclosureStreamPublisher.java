package org.disclosureledger.projections.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.disclosureledger.core.stream.StreamKind;

/**
 * Publishes a batch of stored events, in ledger order, to the disclosures topic, keyed by disclosure id (and flagged
 * ones also to the alerts topic), for the {@link StreamRelay}.
 *
 * <p>It works out each disclosure's filter attributes after each event, sends each message as soon as it is made,
 * stores the changed filter attributes (in the relay's transaction) while the broker writes them, and waits for every
 * acknowledgement. Anything
 * that fails throws, so the relay's transaction rolls back and the batch is tried again later: an event is never
 * passed over unpublished, though it may be published twice.
 */
final class DisclosureStreamPublisher {

    private final StreamStore store;
    private final DisclosureMessages messages;
    private final StreamTopics topics;
    private final StreamProducer producer;
    private final StreamMetrics metrics;

    DisclosureStreamPublisher(
            StreamStore store,
            DisclosureMessages messages,
            StreamTopics topics,
            StreamProducer producer,
            StreamMetrics metrics) {
        this.store = store;
        this.messages = messages;
        this.topics = topics;
        this.producer = producer;
        this.metrics = metrics;
    }

    /**
     * Publishes a batch, in order, and returns once the broker acknowledged all of it; throws otherwise.
     *
     * @param positions each event's place in the ledger, by event identifier
     */
    void publish(List<StoredDisclosureEvent> batch, Map<String, LedgerPosition> positions) {
        if (batch.isEmpty()) {
            return;
        }
        topics.ensureCreated();
        Set<String> disclosureIds = new LinkedHashSet<>();
        batch.stream()
                .filter(e -> !e.kind().isAccess())
                .forEach(e -> disclosureIds.add(DisclosureMessages.disclosureIdOf(e)));
        Map<String, DisclosureFilter> filters = new HashMap<>(store.filters(disclosureIds));
        Map<String, DisclosureFilter> changed = new HashMap<>();
        // Each message goes to the producer as soon as it is made, so that the broker writes while the rest are made.
        StreamProducer.Batch sent = producer.batch(topics.settings().disclosures());
        List<ProducerRecord<String, byte[]>> alerts = new ArrayList<>();
        for (StoredDisclosureEvent event : batch) {
            String id = DisclosureMessages.disclosureIdOf(event);
            LedgerPosition position = positions.get(event.eventIdentifier());
            if (event.kind().isAccess()) {
                sent.send(StreamProducer.record(
                        topics.settings().disclosures(), id, messages.accessEvent(event, position)));
                continue;
            }
            DisclosureMessages.filterSetBy(event).ifPresent(filter -> {
                filters.put(id, filter);
                changed.put(id, filter);
            });
            DisclosureFilter filter = filters.get(id);
            if (filter == null) {
                throw new IllegalStateException("event " + event.eventIdentifier() + " of disclosure " + id
                        + " arrived before the event that recorded the disclosure");
            }
            byte[] message = messages.disclosureEvent(event, position, filter);
            sent.send(StreamProducer.record(topics.settings().disclosures(), id, message));
            if (event.kind() == StreamKind.FLAGGED) {
                alerts.add(StreamProducer.record(topics.settings().alerts(), id, message));
            }
        }
        // While the broker writes them.
        store.saveFilters(changed);
        sent.awaitAcknowledged();
        // After the disclosures topic: an alert is never seen before the entry it is about.
        producer.sendAll(topics.settings().alerts(), alerts);
        metrics.disclosuresPublished(sent.size());
    }
}
