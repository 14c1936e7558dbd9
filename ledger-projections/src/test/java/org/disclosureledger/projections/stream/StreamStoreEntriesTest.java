package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import java.util.List;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the relay reads for a batch: the entries from a ledger index on, in ledger order, up to the batch's count, up
 * to its byte limit (the first always), and never past a missing index. The ledger here has entries 0 to 4 and 6
 * (5 is missing), each with a stored event of 100 bytes.
 */
class StreamStoreEntriesTest {

    static HikariDataSource dataSource;
    static StreamStore store;

    @BeforeAll
    static void ledgerWithAGap() {
        TestDatabase database = SharedPostgres.freshDatabase();
        dataSource = database.pool();
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (long index : new long[] {0, 1, 2, 3, 4, 6}) {
            jdbc.update(
                    "insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)"
                            + " values (?, ?, 0, 'Disclosure', ?, '2025-07-01T12:00:00Z', 'DisclosureRecorded', '1',"
                            + " ?, '{}'::bytea)",
                    100 + index,
                    "disclosure-" + index,
                    "event-" + index,
                    new byte[100]);
            jdbc.update(
                    "insert into ledger_entry (ledger_index, event_identifier, global_index, leaf_hash, sequenced_at)"
                            + " values (?, ?, ?, ?, now())",
                    index,
                    "event-" + index,
                    100 + index,
                    new byte[32]);
        }
        store = new StreamStore(jdbc);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @ParameterizedTest(name = "from {0}, at most {1} entries and {2} bytes: {3}")
    @CsvSource({
        "0, 10, 10000, 0;1;2;3;4",
        "0, 3,  10000, 0;1;2",
        "0, 10, 250,   0;1;2",
        "0, 10, 200,   0;1",
        "0, 10, 1,     0",
        "2, 10, 10000, 2;3;4",
        "5, 10, 10000, ''",
        "6, 10, 10000, 6",
        "7, 10, 10000, ''",
    })
    void readsInLedgerOrderUpToTheCountTheBytesAndTheFirstMissingIndex(
            long from, int limit, long bytes, String expected) {
        List<Long> read = store.entriesFrom(from, limit, bytes).stream()
                .map(e -> e.position().ledgerIndex())
                .toList();
        List<Long> want = expected.isEmpty()
                ? List.of()
                : Arrays.stream(expected.split(";")).map(Long::valueOf).toList();
        assertThat(read).isEqualTo(want);
    }
}
