package org.disclosureledger.projections.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.disclosureledger.core.merkle.NodeId;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A new ledger's tables grow from empty, and PostgreSQL analyses them only when autovacuum gets to them (on a new
 * database, minutes later). The sequencer's look-ups of events already sequenced and of stored events, and the leaves
 * and nodes a proof reads, run from the first entry on; they must read their tables by index once these have grown,
 * whatever PostgreSQL planned while they were nearly empty. Counted with PostgreSQL's statistics of the test's own
 * transaction. A control runs the first look-up as a plain prepared statement, to show that this server does keep
 * the whole-table scan it planned on the nearly empty table.
 */
class LedgerStorePlanTest {

    private static final int GROWN = 20_000;

    @Test
    void givenLookUpsWhileTheLedgerWasNearlyEmpty_whenItGrewUnanalysed_thenTheyStillReadByIndex() throws SQLException {
        TestDatabase database = SharedPostgres.freshDatabase();
        try (SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource(database.jdbcUrl(), database.username(), database.password(), true)) {
            Flyway.configure().dataSource(dataSource).load().migrate();
            Connection connection = dataSource.getConnection();
            // One transaction: the rows inserted below are not analysed by autovacuum before the look-ups run.
            connection.setAutoCommit(false);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            LedgerStore store = new LedgerStore(jdbc);
            insertLedger(jdbc, 0, 10);
            for (int i = 0; i < 10; i++) {
                List<String> absent = IntStream.range(0, 12)
                        .mapToObj(n -> UUID.randomUUID().toString())
                        .toList();
                store.alreadySequenced(absent);
                store.storedEvents(List.of("event-" + i));
                store.nodes(List.of(new NodeId(0, i), new NodeId(1, i / 2)));
                control(jdbc, absent);
            }
            insertLedger(jdbc, 10, GROWN);
            Map<String, Long> before = readWhole(jdbc);

            Set<String> sequenced = store.alreadySequenced(List.of("event-5", "event-19999", "not-sequenced"));
            List<LedgerStore.StoredEvent> stored = store.storedEvents(List.of("event-19998", "event-3"));
            List<byte[]> nodes = store.nodes(List.of(new NodeId(0, 7), new NodeId(1, 9_998)));
            Map<String, Long> afterTheLookUps = readWhole(jdbc);
            control(jdbc, List.of("event-5"));
            Map<String, Long> afterTheControl = readWhole(jdbc);
            connection.rollback();

            assertThat(sequenced).containsExactlyInAnyOrder("event-5", "event-19999");
            assertThat(stored).extracting(LedgerStore.StoredEvent::globalIndex).containsExactly(19_998L, 3L);
            assertThat(nodes).hasSize(2);
            assertThat(afterTheLookUps).as("rows read by whole-table scans").isEqualTo(before);
            assertThat(afterTheControl.get("ledger_entry") - afterTheLookUps.get("ledger_entry"))
                    .as("entries the control read by a whole-table scan")
                    .isEqualTo(GROWN);
        }
    }

    /** The first look-up's query as the driver prepares any statement run five times: named on the server. */
    private static void control(JdbcTemplate jdbc, List<String> eventIdentifiers) {
        jdbc.queryForList(
                "select event_identifier /* control */ from ledger_entry where event_identifier = any (?)",
                String.class,
                (Object) eventIdentifiers.toArray(new String[0]));
    }

    /** Events, their entries and the tree's level-1 nodes, for global indexes {@code from} to {@code to - 1}. */
    private static void insertLedger(JdbcTemplate jdbc, long from, long to) {
        String events = """
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, time_stamp, payload_type, payload_revision, payload)
                select i, 'disclosure-' || i, 0, 'Disclosure', 'event-' || i, '2025-07-01T12:00:00Z',
                    'DisclosureRecorded', '1', '{}'::bytea
                from generate_series(?, ? - 1) i""";
        String entries = """
                insert into ledger_entry (ledger_index, event_identifier, global_index, leaf_hash, sequenced_at)
                select i, 'event-' || i, i, sha256(int8send(i)), now() from generate_series(?, ? - 1) i""";
        String levelOne = """
                insert into ledger_tree_node (level, node_index, hash)
                select 1, i, sha256(int8send(i)) from generate_series(? / 2, ? / 2 - 1) i""";
        jdbc.update(events, from, to);
        jdbc.update(entries, from, to);
        jdbc.update(levelOne, from, to);
    }

    private static Map<String, Long> readWhole(JdbcTemplate jdbc) {
        Map<String, Long> read = new java.util.TreeMap<>();
        jdbc.query("""
                        select relname, seq_tup_read from pg_stat_xact_user_tables
                        where relname in ('ledger_entry', 'domain_event_entry', 'ledger_tree_node')""", rs -> {
            read.put(rs.getString(1), rs.getLong(2));
        });
        return read;
    }
}
