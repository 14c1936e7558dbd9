package org.disclosureledger.projections.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every signed checkpoint ({@code ledger_checkpoint}) to the checkpoint topic, in tree-size order, at least
 * once, every {@code ledger.stream.checkpoint-poll} (default 1 s), but none before every entry it covers is on the
 * disclosures topic: a watchdog that holds a checkpoint and misses one of its entries has found a withheld entry, not
 * a publisher running behind.
 *
 * <p>What was published is remembered in the database ({@code stream_checkpoint_progress}), not read back from the
 * topic: the row is locked while a round publishes, so nodes take turns, and it moves only after the broker
 * acknowledged every checkpoint of the round, in the same transaction. A round that fails (the broker is away) leaves
 * it where it was and the next round tries again; a checkpoint may then come twice, with the same id.
 */
final class CheckpointPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);
    private static final int ROUND = 100;

    private final StreamStore store;
    private final DisclosureMessages messages;
    private final StreamTopics topics;
    private final StreamProducer producer;
    private final StreamMetrics metrics;
    private final TransactionTemplate transaction;
    private final String origin;
    private final Duration poll;
    private ScheduledExecutorService scheduler;

    CheckpointPublisher(
            StreamStore store,
            DisclosureMessages messages,
            StreamTopics topics,
            StreamProducer producer,
            StreamMetrics metrics,
            PlatformTransactionManager transactions,
            String origin,
            Duration poll) {
        this.store = store;
        this.messages = messages;
        this.topics = topics;
        this.producer = producer;
        this.metrics = metrics;
        this.transaction = new TransactionTemplate(transactions);
        this.origin = origin;
        this.poll = poll;
    }

    /**
     * Publishes the checkpoints signed since the last round (at most 100) and returns how many.
     *
     * @throws StreamPublishFailure if the broker did not acknowledge them all; nothing is recorded as published
     */
    int publishPending() {
        try {
            return transaction.execute(status -> {
                long published = store.lockCheckpointProgress();
                long entriesOnTopic = store.publishedEntries();
                List<StreamStore.SignedCheckpoint> pending = store.checkpointsBetween(published, entriesOnTopic, ROUND);
                if (pending.isEmpty()) {
                    return 0;
                }
                topics.ensureCreated();
                String topic = topics.settings().checkpoints();
                List<ProducerRecord<String, byte[]>> records = pending.stream()
                        .map(c -> StreamProducer.record(
                                topic,
                                origin,
                                DisclosureMessages.structured(
                                        messages.checkpoint(c.treeSize(), c.signedNote(), c.signedAt()))))
                        .toList();
                producer.sendAll(topic, records);
                store.checkpointsPublishedUpTo(pending.get(pending.size() - 1).treeSize());
                metrics.checkpointsPublished(records.size());
                return records.size();
            });
        } catch (RuntimeException e) {
            metrics.checkpointFailure();
            throw e;
        }
    }

    private void tick() {
        try {
            while (publishPending() == ROUND) {
                // A backlog: keep going without waiting for the next tick.
            }
        } catch (RuntimeException e) {
            log.warn("Checkpoints not published this round, will retry: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-stream-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
