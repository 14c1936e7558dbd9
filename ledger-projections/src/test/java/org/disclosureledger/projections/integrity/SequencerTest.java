package org.disclosureledger.projections.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * The sequencer gives every stored event a gapless ledger index in event-table order, a leaf hash over the event's
 * envelope exactly as stored, and tree nodes whose root is the RFC 9162 root over those leaves.
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
