package org.disclosureledger.projections.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.RecordHistoryAccess;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.ledger.LeafEnvelope;
import org.disclosureledger.core.merkle.MerkleFrontier;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sequencer gives every stored event (a disclosure's, or a read of a person's records) a gapless ledger index in
 * event-table order, a leaf hash over the event's envelope exactly as stored, and tree nodes whose root is the RFC 9162
 * root over those leaves.
 */
@SpringBootTest(
        classes = IntegrityTestApplication.class,
        properties = {
            "ledger.sequencer.batch-size=7",
            "ledger.checkpoint.origin=test.disclosure-ledger/log",
            "ledger.checkpoint.poll=1h"
        })
class SequencerTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerStore store;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LedgerVerifier verifier;

    @Test
    void everyStoredEventGetsAGaplessIndexAndALeafHashOverItsEnvelope() {
        Disclosures.records("seq", 40).forEach(commands::sendAndWait);

        long events = awaitSequenced(jdbc, store);

        List<Long> indexes =
                jdbc.queryForList("select ledger_index from ledger_entry order by global_index", Long.class);
        assertThat(indexes).hasSize((int) events);
        for (int i = 0; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).as("ledger index in event-table order").isEqualTo(i);
        }
        for (long index = 0; index < events; index++) {
            LeafEnvelope envelope = store.envelope(index).orElseThrow();
            assertThat(store.leafHash(index).orElseThrow()).isEqualTo(envelope.leafHash());
        }
    }

    @Test
    void theStoredTreeHasTheRootOfAllLeavesAndEveryNodeIsRight() {
        Disclosures.records("tree", 37).forEach(commands::sendAndWait);
        long size = awaitSequenced(jdbc, store);

        List<byte[]> envelopes = new ArrayList<>();
        for (long index = 0; index < size; index++) {
            envelopes.add(store.envelope(index).orElseThrow().bytes());
        }
        String expectedRoot = MerkleFrontier.empty().append(envelopes).rootHash();

        assertThat(HexFormat.of().formatHex(store.appender().rootHash())).isEqualTo(expectedRoot);
        long nodes = jdbc.queryForObject("select count(*) from ledger_tree_node", Long.class);
        assertThat(nodes)
                .as("a tree of n leaves has n - popcount(n) perfect subtrees above the leaves")
                .isEqualTo(size - Long.bitCount(size));
        jdbc.query("select level, node_index, hash from ledger_tree_node", rs -> {
            int level = rs.getInt(1);
            long index = rs.getLong(2);
            List<byte[]> covered = envelopes.subList((int) (index << level), (int) ((index + 1) << level));
            assertThat(HexFormat.of().formatHex(rs.getBytes(3)))
                    .as("node at level %d, index %d", level, index)
                    .isEqualTo(MerkleFrontier.empty().append(covered).rootHash());
        });
    }

    @Test
    void givenReadsOfHistoriesBetweenDisclosures_whenSequenced_thenEachReadIsAnEntryTheVerifierChecksLikeAnyOther() {
        List<RecordDisclosure> disclosures = Disclosures.records("reads", 3);
        for (int i = 0; i < disclosures.size(); i++) {
            commands.sendAndWait(disclosures.get(i));
            commands.sendAndWait(new RecordHistoryAccess(
                    new AccessId("reads-access-" + i),
                    disclosures.get(i).subjects().get(0),
                    new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR),
                    AccessedRecord.HISTORY,
                    new StatedPurpose("Complaint " + i),
                    Instant.parse("2025-07-01T11:00:00Z")));
        }
        long size = awaitSequenced(jdbc, store);
        checkpointer.signNow();

        List<Long> reads = jdbc.queryForList("""
                select e.ledger_index from ledger_entry e join domain_event_entry d
                    on d.event_identifier = e.event_identifier
                where d.payload_type = 'HistoryAccessed' and d.aggregate_identifier like 'reads-access-%'
                order by e.ledger_index""", Long.class);
        assertThat(reads).hasSize(3);
        for (long index : reads) {
            LeafEnvelope envelope = store.envelope(index).orElseThrow();
            assertThat(envelope.payloadType()).isEqualTo("HistoryAccessed");
            assertThat(store.leafHash(index).orElseThrow()).isEqualTo(envelope.leafHash());
        }
        VerificationReport report = verifier.verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.entriesChecked()).isEqualTo(size);
    }

    static long awaitSequenced(JdbcTemplate jdbc, LedgerStore store) {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (store.size() < events && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(store.size()).as("entries sequenced within 30 s").isEqualTo(events);
        return events;
    }
}
