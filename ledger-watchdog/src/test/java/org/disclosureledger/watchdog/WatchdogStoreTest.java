package org.disclosureledger.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.watchdog.check.Ranges;
import org.disclosureledger.watchdog.follow.LineFormat;
import org.disclosureledger.watchdog.store.EventStatus;
import org.disclosureledger.watchdog.store.StoreUnavailable;
import org.disclosureledger.watchdog.store.WatchdogStore;
import org.disclosureledger.watchdog.stream.DisclosureMessage;
import org.disclosureledger.watchdog.stream.MessageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogStoreTest {

    @TempDir
    Path dir;

    private final MessageReader reader = new MessageReader(TestLedger.ORIGIN);

    private DisclosureMessage event(long index) throws Exception {
        return reader.disclosure(
                Messages.recorded("d-" + index, index, leaf(index), 2).bytes());
    }

    private static Sha256Hash leaf(long index) {
        return MerkleTree.leafHash(("entry " + index).getBytes(StandardCharsets.UTF_8));
    }

    private void add(WatchdogStore store, DisclosureMessage m) {
        store.addEvent(m, true, LineFormat.line(m), 0, "t/0@" + m.ledgerIndex());
    }

    @Test
    void givenAnEventKept_whenTheStoreIsReopened_thenItIsStillThereAndKnownById() throws Exception {
        try (WatchdogStore store = WatchdogStore.open(dir, true)) {
            add(store, event(0));
            store.addAlarm("SEQUENCE_GAP", "ALERT SEQUENCE_GAP x", 0);
            store.commit();
        }
        try (WatchdogStore store = WatchdogStore.open(dir, false)) {
            assertThat(store.hasEvent("event-0")).isTrue();
            assertThat(store.hasEvent("event-1")).isFalse();
            assertThat(store.eventStatus("event-0")).hasValue(EventStatus.PENDING);
            assertThat(store.alarmLines()).containsExactly("ALERT SEQUENCE_GAP x");
            assertThat(store.summary().eventsReceived()).isEqualTo(1);
        }
    }

    @Test
    void givenTextLongerThanItsColumn_whenKept_thenItIsCutWithAnEllipsisInsteadOfFailingTheStore() throws Exception {
        try (WatchdogStore store = WatchdogStore.open(dir, true)) {
            store.addAlarm("BAD_SIGNATURE", "ALERT " + "x".repeat(20_000), 0);
            store.addUnreadable("t", 0, 0, "reason " + "y".repeat(5_000), new byte[] {1}, 0);
            store.commit();

            assertThat(store.alarmLines()).singleElement().satisfies(line -> {
                assertThat(line).hasSize(10_000).startsWith("ALERT xxx").endsWith("x\u2026");
            });
            assertThat(store.unreadableLines())
                    .singleElement()
                    .asString()
                    .contains("reason yyy")
                    .endsWith("\u2026");
        }
    }

    @Test
    void givenChangesNotCommitted_whenTheStoreIsReopened_thenTheyAreGone() throws Exception {
        try (WatchdogStore store = WatchdogStore.open(dir, true)) {
            add(store, event(0));
        }
        try (WatchdogStore store = WatchdogStore.open(dir, false)) {
            assertThat(store.hasEvent("event-0")).isFalse();
        }
    }

    @Test
    void givenNoStore_whenOpenedForReading_thenItSaysSo() {
        assertThatThrownBy(() -> WatchdogStore.open(dir.resolve("none"), false))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("no watchdog store in");
    }

    @Test
    void givenAReadClaimingALaterSequenceNumber_whenGapsAreChecked_thenOnlyDisclosuresAreChecked() throws Exception {
        try (WatchdogStore store = WatchdogStore.open(dir, true)) {
            add(store, reader.disclosure(Messages.disputed("d-0", 0, leaf(0), 2).bytes()));
            add(store, reader.disclosure(Messages.accessed("event-1", "read-1", 1, leaf(1), 5, "Audit")));

            assertThat(store.unreportedSequenceGaps(Long.MAX_VALUE))
                    .extracting(gap -> gap.disclosureId())
                    .containsExactly("d-0");
        }
    }

    @Test
    void missingIndexesAreReportedAsRangesAndOnlyOnce() throws Exception {
        try (WatchdogStore store = WatchdogStore.open(dir, true)) {
            for (long i : new long[] {0, 1, 4, 5, 7}) {
                add(store, event(i));
            }
            List<long[]> missing = store.unreportedMissingBelow(10);
            assertThat(Ranges.format(missing)).isEqualTo("2-3, 6, 8-9");
            assertThat(Ranges.count(missing)).isEqualTo(5);

            store.addReportedMissing(missing);
            assertThat(store.unreportedMissingBelow(10)).isEmpty();
            assertThat(Ranges.format(store.unreportedMissingBelow(13))).isEqualTo("10-12");

            add(store, event(2));
            add(store, event(3));
            assertThat(Ranges.format(store.unreportedMissingBelow(13))).isEqualTo("10-12");
        }
    }

    @Test
    void anEventWhosePredecessorIsMissingIsASequenceGapUntilReported() throws Exception {
        try (WatchdogStore store = WatchdogStore.open(dir, true)) {
            add(store, event(0));
            DisclosureMessage third =
                    reader.disclosure(Messages.disputed("d-0", 3, leaf(3), 2).bytes());
            add(store, third);

            assertThat(store.unreportedSequenceGaps(0)).singleElement().satisfies(gap -> {
                assertThat(gap.disclosureId()).isEqualTo("d-0");
                assertThat(gap.seq()).isEqualTo(2);
                assertThat(gap.missingFrom()).isEqualTo(1);
            });
            assertThat(store.unreportedSequenceGaps(-1))
                    .as("received after the cutoff")
                    .isEmpty();

            store.markSequenceGapReported("event-3");
            assertThat(store.unreportedSequenceGaps(0)).isEmpty();
        }
    }
}
