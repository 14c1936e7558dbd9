package org.disclosureledger.projections.stream;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.disclosureledger.core.stream.StreamKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every stored disclosure event to the disclosures topic, keyed by disclosure id, from the
 * {@code watchdog-stream} processor ({@link StreamConfiguration}).
 *
 * <p>The handler only collects a batch's events. When the batch's unit of work prepares to commit (before the
 * processor's token is stored, in the same transaction) the publisher looks up the batch's ledger entries in one
 * query, waiting briefly for the sequencer if it has not taken them all yet; works out each disclosure's filter
 * attributes after each event and stores them; sends all messages and waits for every acknowledgement; records the
 * entries as published, which lets the checkpoints that cover them follow ({@link CheckpointPublisher}). Anything that
 * fails throws, so the transaction rolls back, the token stays where it was, and the processor retries the batch
 * later with backoff: an event is never passed over unpublished, though it may be published twice.
 */
@ProcessingGroup(StreamConfiguration.PROCESSING_GROUP)
public class DisclosureStreamPublisher {

    private static final Logger log = LoggerFactory.getLogger(DisclosureStreamPublisher.class);
    private static final String BATCH = DisclosureStreamPublisher.class.getName() + ".batch";
    private static final Duration SEQUENCER_POLL = Duration.ofMillis(100);

    private final StreamStore store;
    private final DisclosureMessages messages;
    private final StreamTopics topics;
    private final StreamProducer producer;
    private final StreamMetrics metrics;
    private final Duration sequencerWait;

    DisclosureStreamPublisher(
            StreamStore store,
            DisclosureMessages messages,
            StreamTopics topics,
            StreamProducer producer,
            StreamMetrics metrics,
            Duration sequencerWait) {
        this.store = store;
        this.messages = messages;
        this.topics = topics;
        this.producer = producer;
        this.metrics = metrics;
        this.sequencerWait = sequencerWait;
    }

    @EventHandler
    void on(EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            throw new IllegalStateException("event " + event.getIdentifier() + " is not a disclosure's event");
        }
        List<StoredDisclosureEvent> batch = unitOfWork.root().getOrComputeResource(BATCH, key -> {
            List<StoredDisclosureEvent> events = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> publish(events));
            return events;
        });
        batch.add(new StoredDisclosureEvent(
                event.getIdentifier(), domainEvent.getSequenceNumber(), event.getTimestamp(), event.getPayload()));
    }

    /** Publishes a batch, in order, and returns once the broker acknowledged all of it; throws otherwise. */
    void publish(List<StoredDisclosureEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            topics.ensureCreated();
            Map<String, LedgerPosition> positions = awaitSequenced(batch);
            Set<String> disclosureIds = new LinkedHashSet<>();
            batch.stream()
                    .filter(e -> !DisclosureMessages.isAccess(e.payload()))
                    .forEach(e -> disclosureIds.add(DisclosureMessages.disclosureIdOf(e.payload())));
            Map<String, DisclosureFilter> filters = new HashMap<>(store.filters(disclosureIds));
            Map<String, DisclosureFilter> changed = new HashMap<>();
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(batch.size());
            List<ProducerRecord<String, byte[]>> alerts = new ArrayList<>();
            for (StoredDisclosureEvent event : batch) {
                if (DisclosureMessages.isAccess(event.payload())) {
                    String accessId = DisclosureMessages.disclosureIdOf(event.payload());
                    records.add(StreamProducer.record(
                            topics.settings().disclosures(),
                            accessId,
                            messages.accessEvent(event, positions.get(event.eventIdentifier()))));
                    continue;
                }
                String disclosureId = DisclosureMessages.disclosureIdOf(event.payload());
                DisclosureMessages.filterSetBy(event.payload()).ifPresent(filter -> {
                    filters.put(disclosureId, filter);
                    changed.put(disclosureId, filter);
                });
                DisclosureFilter filter = filters.get(disclosureId);
                if (filter == null) {
                    throw new IllegalStateException("event " + event.eventIdentifier() + " of disclosure "
                            + disclosureId + " arrived before the event that recorded the disclosure");
                }
                CloudEvent message = messages.disclosureEvent(event, positions.get(event.eventIdentifier()), filter);
                records.add(StreamProducer.record(topics.settings().disclosures(), disclosureId, message));
                if (DisclosureMessages.kindOf(event.payload()) == StreamKind.FLAGGED) {
                    alerts.add(StreamProducer.record(topics.settings().alerts(), disclosureId, message));
                }
            }
            store.saveFilters(changed);
            producer.sendAll(topics.settings().disclosures(), records);
            // After the disclosures topic: an alert is never seen before the entry it is about.
            producer.sendAll(topics.settings().alerts(), alerts);
            store.entriesPublished(
                    positions.values().stream().map(LedgerPosition::ledgerIndex).toList());
            metrics.disclosuresPublished(records.size());
        } catch (RuntimeException e) {
            metrics.disclosureFailure();
            log.warn("Batch of {} event(s) not published, will be retried: {}", batch.size(), e.getMessage());
            throw e;
        }
    }

    private Map<String, LedgerPosition> awaitSequenced(List<StoredDisclosureEvent> batch) {
        List<String> ids =
                batch.stream().map(StoredDisclosureEvent::eventIdentifier).toList();
        long deadline = System.nanoTime() + sequencerWait.toNanos();
        while (true) {
            Map<String, LedgerPosition> positions = store.positions(ids);
            if (positions.size() == ids.size()) {
                return positions;
            }
            if (System.nanoTime() >= deadline) {
                throw new NotYetSequenced(
                        ids.stream().filter(id -> !positions.containsKey(id)).toList());
            }
            try {
                Thread.sleep(SEQUENCER_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotYetSequenced(
                        ids.stream().filter(id -> !positions.containsKey(id)).toList());
            }
        }
    }
}
