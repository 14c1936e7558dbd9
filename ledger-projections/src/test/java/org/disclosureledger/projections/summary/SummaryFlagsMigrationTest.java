package org.disclosureledger.projections.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a database whose summaries were projected without flags empties them and forgets their processor's
 * tokens, so that the processor replays the event store (and its DisclosureFlagged events) from the start; the other
 * processors keep their place.
 */
class SummaryFlagsMigrationTest {

    @Test
    void givenSummariesProjectedBeforeFlags_whenMigrated_thenEmptiedAndTheirProcessorStartsOver() {
        TestDatabase database = SharedPostgres.freshDatabase();
        try (HikariDataSource dataSource = database.pool()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Flyway.configure().dataSource(dataSource).target("10").load().migrate();
            jdbc.update("INSERT INTO summary_disclosure (disclosure_id, recipient_agency_id, recipient_name,"
                    + " custodian_state, purpose_code, data_categories, month, occurred_at, record_count,"
                    + " open_request_ids, certified_destructions, applied_sequence) VALUES ('ca-1', 'us-dhs-ice',"
                    + " 'ICE', 'CA', 'LAW', '{NAME}', DATE '2025-06-01', TIMESTAMPTZ '2025-06-15 09:30Z', 3, '{}',"
                    + " 0, 0)");
            jdbc.update("INSERT INTO summary_cell (recipient_agency_id, custodian_state, purpose_code, data_category,"
                    + " month, disclosures, subjects, records, open_destruction_requests, certified_destructions)"
                    + " VALUES ('us-dhs-ice', 'CA', 'LAW', 'NAME', DATE '2025-06-01', 1, 0, 3, 0, 0)");
            for (String processor : new String[] {"agency-summaries", "person-history"}) {
                for (int segment = 0; segment < 2; segment++) {
                    jdbc.update(
                            "INSERT INTO token_entry (processor_name, segment, timestamp) VALUES (?, ?, 'then')",
                            processor,
                            segment);
                }
            }

            Flyway.configure().dataSource(dataSource).load().migrate();

            for (String table : AgencySummaryProjection.TABLES) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class))
                        .as(table)
                        .isZero();
            }
            assertThat(jdbc.queryForList("SELECT DISTINCT processor_name FROM token_entry ORDER BY 1", String.class))
                    .containsExactly("person-history");
        }
    }
}
