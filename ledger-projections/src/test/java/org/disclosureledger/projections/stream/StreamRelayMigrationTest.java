package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a ledger whose stream was published by the {@code watchdog-stream} event processor: the relay starts at the
 * first entry either of the processor's records says may not be on the topic (its contiguous published entries, its
 * tokens' positions and gaps), never after it; the processor's tokens and published entries are gone, and the other
 * processors keep their tokens. The ledger here has ten entries, indexes 0 to 9 for global indexes 100 to 109.
 */
class StreamRelayMigrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a new ledger, no tokens | 0 |  | 0",
                "the stream never ran (no tokens) | 10 |  | 0",
                "tokens past every entry | 6 | {\"index\":109,\"gaps\":[]} | 6",
                "tokens behind the published entries | 7 | {\"index\":104,\"gaps\":[]} | 5",
                "a gap below the token | 7 | {\"index\":104,\"gaps\":[102]} | 2",
                "two segments, the lower counts | 9 | {\"index\":108,\"gaps\":[]};{\"index\":103} | 4",
                "a segment without a position | 9 | {\"index\":108,\"gaps\":[]}; | 0",
                "a replay token counts from the start | 9 | {\"currentToken\":{\"index\":107}} | 0",
                "a merged token counts from the start | 9 | {\"lowerSegmentToken\":{\"index\":107}} | 0",
            })
    void givenTheProcessorsRecords_whenMigrated_thenTheRelayStartsAtTheFirstEntryThatMayNotBeOnTheTopic(
            String situation, long publishedEntries, String tokens, long expectedStart) {
        TestDatabase database = SharedPostgres.freshDatabase();
        try (HikariDataSource dataSource = database.pool()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Flyway.configure().dataSource(dataSource).target("13").load().migrate();
            if (!situation.startsWith("a new ledger")) {
                for (int i = 0; i < 10; i++) {
                    jdbc.update(
                            "insert into ledger_entry (ledger_index, event_identifier, global_index, leaf_hash,"
                                    + " sequenced_at) values (?, ?, ?, ?, now())",
                            i,
                            "event-" + i,
                            100 + i,
                            new byte[32]);
                }
            }
            jdbc.update("update stream_checkpoint_progress set published_entries = ? where id = 1", publishedEntries);
            if (tokens != null) {
                String[] segments = tokens.split(";", -1);
                for (int segment = 0; segment < segments.length; segment++) {
                    jdbc.update(
                            "insert into token_entry (processor_name, segment, token, token_type, timestamp)"
                                    + " values ('watchdog-stream', ?, ?, 'token', 'then')",
                            segment,
                            segments[segment].isEmpty() ? null : segments[segment].getBytes(StandardCharsets.UTF_8));
                }
            }
            jdbc.update("insert into token_entry (processor_name, segment, token, token_type, timestamp)"
                    + " values ('person-history', 0, '{\"index\":3}'::bytea, 'token', 'then')");

            Flyway.configure().dataSource(dataSource).load().migrate();

            assertThat(jdbc.queryForObject("select published_entries from stream_relay where id = 1", Long.class))
                    .isEqualTo(expectedStart);
            assertThat(jdbc.queryForList("select distinct processor_name from token_entry", String.class))
                    .isEqualTo(List.of("person-history"));
            assertThat(jdbc.queryForObject("select to_regclass('stream_published_entry') is null", Boolean.class))
                    .isTrue();
            assertThat(jdbc.queryForObject("select to_regclass('stream_disclosure') is null", Boolean.class))
                    .as("V15: the filters come from the ledger")
                    .isTrue();
            assertThat(jdbc.queryForObject(
                            "select count(*) from information_schema.columns where table_name ="
                                    + " 'stream_checkpoint_progress' and column_name = 'published_entries'",
                            Long.class))
                    .isZero();
        }
    }
}
