package org.disclosureledger.watchdog.follow;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.disclosureledger.watchdog.check.Alarm;
import org.disclosureledger.watchdog.check.AlarmKind;
import org.disclosureledger.watchdog.check.LedgerChecks;
import org.disclosureledger.watchdog.store.WatchdogStore;
import org.disclosureledger.watchdog.stream.CheckpointMessage;
import org.disclosureledger.watchdog.stream.DisclosureMessage;
import org.disclosureledger.watchdog.stream.FindingMessage;
import org.disclosureledger.watchdog.stream.MessageReader;
import org.disclosureledger.watchdog.stream.Topics;
import org.disclosureledger.watchdog.stream.UnreadableMessage;

/**
 * The follow loop: poll, keep each batch in the store in one transaction, commit it, print what it added, then commit
 * the Kafka offsets; between batches, run the checks. A crash between the store's commit and Kafka's re-delivers the
 * batch, and deduplication by id absorbs it, so a restart never prints or counts anything twice.
 */
public final class Follower {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    /**
     * More disclosure messages than this waiting to be read means the follower is catching up on a backlog (a new
     * watchdog, or one that was away), not following live: a live ledger leaves at most about a poll's worth.
     */
    private static final long CATCHING_UP = 1_000;

    private final Consumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final MessageReader reader;
    private final Filter filter;
    private final WatchdogStore store;
    private final LedgerChecks checks;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile boolean running = true;
    private int alarmsRaised;
    private long lastActivity;
    private Optional<String> ledgerUnavailable = Optional.empty();

    public Follower(
            Consumer<byte[], byte[]> consumer,
            Topics topics,
            MessageReader reader,
            Filter filter,
            WatchdogStore store,
            LedgerChecks checks,
            Clock clock,
            PrintWriter out,
            PrintWriter err) {
        this.consumer = consumer;
        this.topics = topics;
        this.reader = reader;
        this.filter = filter;
        this.store = store;
        this.checks = checks;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** What a run ended with. */
    public record Outcome(int alarmsRaised, Optional<String> ledgerUnavailable) {}

    /**
     * Follows until {@link #stop()} is called or, with {@code untilIdle}, until no message arrived for that long;
     * then runs the last checks (reporting every gap still open, without waiting for the grace) when idle.
     */
    public Outcome run(Optional<Duration> untilIdle) {
        lastActivity = clock.millis();
        consumer.subscribe(topics.all(), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                lastActivity = clock.millis();
            }
        });
        long lastCheck = 0;
        boolean idle = false;
        while (running) {
            try {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    receive(records);
                }
                if (!records.isEmpty() || clock.millis() - lastCheck >= CHECK_EVERY.toMillis()) {
                    check(false, catchingUp());
                    lastCheck = clock.millis();
                }
                if (!records.isEmpty()) {
                    // Idle time counts from when the batch was handled, checks included: proving a thousand
                    // events can take longer than the idle limit, and records waiting meanwhile are not idleness.
                    lastActivity = clock.millis();
                }
            } catch (WakeupException e) {
                // stop() was called: what was stored is committed, and offsets not yet committed come again
                break;
            }
            if (untilIdle.isPresent()
                    && clock.millis() - lastActivity >= untilIdle.get().toMillis()) {
                idle = true;
                break;
            }
        }
        check(idle, false);
        long pending = store.countPending();
        if (idle && pending > 0) {
            out.println("PENDING " + pending + (pending == 1 ? " event" : " events")
                    + " not yet covered by a verified checkpoint");
        }
        return new Outcome(alarmsRaised, ledgerUnavailable);
    }

    /** Asks a running {@link #run} to stop after the batch in hand; safe from another thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void receive(ConsumerRecords<byte[], byte[]> records) {
        List<String> lines = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                receive(record, lines);
                offsets.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
            store.commit();
        } catch (RuntimeException e) {
            store.rollback();
            throw e;
        }
        lines.forEach(out::println);
        out.flush();
        consumer.commitSync(offsets);
    }

    private void receive(ConsumerRecord<byte[], byte[]> record, List<String> lines) {
        String source = record.topic() + "/" + record.partition() + "@" + record.offset();
        long now = clock.millis();
        if (store.hasUnreadable(record.topic(), record.partition(), record.offset())) {
            return;
        }
        try {
            if (record.topic().equals(topics.disclosures())) {
                DisclosureMessage message = reader.disclosure(record.value());
                if (store.hasEvent(message.id())) {
                    return;
                }
                Optional<String> other = store.eventAt(message.ledgerIndex());
                if (other.isPresent()) {
                    String reason = "event " + message.id() + " at " + source + " claims ledger index "
                            + message.ledgerIndex() + " (leaf hash " + message.leafHash() + "), already held by event "
                            + other.get();
                    store.addUnreadable(
                            record.topic(), record.partition(), record.offset(), reason, record.value(), now);
                    alarms(checks.raise(AlarmKind.INDEX_CONFLICT, reason + "; kept aside"), lines);
                    return;
                }
                // A read of someone's records is no disclosure: never counted as one, always shown (it names no
                // person, state or recipient for a filter to go by). A disclosure is followed from its first event
                // that matches, with its earlier events, so that a correction moving it into the filters brings its
                // recording and people with it, and one moving it out (to another state or recipient) is seen.
                boolean access = message.kind().isAccess();
                boolean followed = !access && store.hasMatchingEvent(message.disclosureId());
                boolean matched = !access && (followed || filter.matches(message));
                if (matched && !followed) {
                    lines.addAll(store.matchEarlierEvents(message.disclosureId()));
                }
                String line = LineFormat.line(message);
                store.addEvent(message, matched, line, now, source);
                if (matched || access) {
                    lines.add(line);
                }
            } else if (record.topic().equals(topics.checkpoints())) {
                CheckpointMessage message = reader.checkpoint(record.value());
                alarms(checks.receiveCheckpoint(message, source), lines);
            } else if (record.topic().equals(topics.alerts())) {
                FindingMessage finding = reader.finding(record.value());
                if (store.hasFinding(finding.id())) {
                    return;
                }
                boolean matched = filter.matchesState(finding.custodianState());
                store.addFinding(finding, matched, now);
                if (matched) {
                    lines.add("FINDING " + finding.time() + " " + finding.type() + " " + finding.subject());
                }
            }
        } catch (UnreadableMessage e) {
            store.addUnreadable(
                    record.topic(), record.partition(), record.offset(), e.getMessage(), record.value(), now);
            alarms(
                    checks.raise(
                            AlarmKind.UNREADABLE_MESSAGE, "message at " + source + " kept aside: " + e.getMessage()),
                    lines);
        }
    }

    /** Whether more than {@link #CATCHING_UP} disclosure messages wait to be read, as of the last fetch. */
    private boolean catchingUp() {
        long waiting = 0;
        for (TopicPartition partition : consumer.assignment()) {
            if (partition.topic().equals(topics.disclosures())) {
                waiting += consumer.currentLag(partition).orElse(0);
            }
        }
        return waiting > CATCHING_UP;
    }

    private void check(boolean last, boolean catchingUp) {
        LedgerChecks.Round round;
        try {
            round = checks.verify(last, catchingUp);
            store.commit();
        } catch (RuntimeException e) {
            store.rollback();
            throw e;
        }
        List<String> lines = new ArrayList<>();
        alarms(round.alarms(), lines);
        lines.forEach(out::println);
        out.flush();
        if (round.ledgerUnavailable().isPresent() && !round.ledgerUnavailable().equals(ledgerUnavailable)) {
            err.println("warning: " + round.ledgerUnavailable().get() + "; checks wait until it answers");
        }
        ledgerUnavailable = round.ledgerUnavailable();
    }

    private void alarms(List<Alarm> raised, List<String> lines) {
        alarmsRaised += raised.size();
        raised.forEach(a -> lines.add(a.line()));
    }
}
