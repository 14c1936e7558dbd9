package org.disclosureledger.projections.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
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
 * A new ledger's entry table grows from empty, and PostgreSQL analyses it only when autovacuum gets to it (on a new
 * database, minutes later). The sequencer's look-up of events already sequenced, and the leaves a proof reads, run
 * from the first entry on; they must read the table by its index once it has grown, whatever PostgreSQL planned while
 * it was empty. Counted with PostgreSQL's statistics of the test's own transaction.
 */
class LedgerStorePlanTest {

    private static final int ENTRIES = 20_000;

    @Test
    void givenLookUpsWhileTheLedgerWasEmpty_whenItGrewUnanalysed_thenTheyStillReadEntriesByIndex() throws SQLException {
        TestDatabase database = SharedPostgres.freshDatabase();
        try (SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource(database.jdbcUrl(), database.username(), database.password(), true)) {
            Flyway.configure().dataSource(dataSource).load().migrate();
            Connection connection = dataSource.getConnection();
            // One transaction: the rows inserted below are not analysed by autovacuum before the look-ups run.
            connection.setAutoCommit(false);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            LedgerStore store = new LedgerStore(jdbc);
            insertEntries(jdbc, 0, 10);
            for (int i = 0; i < 10; i++) {
                store.alreadySequenced(IntStream.range(0, 12)
                        .mapToObj(n -> UUID.randomUUID().toString())
                        .toList());
                store.nodes(List.of(new NodeId(0, i)));
            }
            insertEntries(jdbc, 10, ENTRIES);
            long before = entriesReadWhole(jdbc);

            Set<String> sequenced = store.alreadySequenced(List.of("event-5", "event-19999", "not-sequenced"));
            List<byte[]> leaves = store.nodes(List.of(new NodeId(0, 7), new NodeId(0, 19_998)));
            long readWhole = entriesReadWhole(jdbc) - before;
            connection.rollback();

            assertThat(sequenced).containsExactlyInAnyOrder("event-5", "event-19999");
            assertThat(leaves).hasSize(2);
            assertThat(readWhole).as("entries read by whole-table scans").isZero();
        }
    }

    private static void insertEntries(JdbcTemplate jdbc, long from, long to) {
        String entries = """
                insert into ledger_entry (ledger_index, event_identifier, global_index, leaf_hash, sequenced_at)
                select i, 'event-' || i, i, sha256(int8send(i)), now() from generate_series(?, ? - 1) i""";
        jdbc.update(entries, from, to);
    }

    private static long entriesReadWhole(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "select seq_tup_read from pg_stat_xact_user_tables where relname = 'ledger_entry'", Long.class);
    }
}
