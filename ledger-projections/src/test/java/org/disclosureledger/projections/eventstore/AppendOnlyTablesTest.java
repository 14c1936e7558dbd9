package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** PostgreSQL itself refuses to change or remove stored events and snapshots, whoever asks. */
@SpringBootTest(classes = EventStoreTestApplication.class)
class AppendOnlyTablesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void storeAnEventAndASnapshot() {
        DisclosureId id = new DisclosureId("ca-dhcs-append-only-1");
        // A retry after the first test: the same command again writes nothing.
        commands.sendAndWait(
                new RecordDisclosure(id, Examples.details(), Examples.people("append-only", 2), null, "a1"));
        jdbc.update("""
                INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, 0, 'Disclosure', 'snapshot-append-only-1', '2025-07-01T12:00:00Z', 'example', NULL,
                    convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'))
                ON CONFLICT DO NOTHING""", id.value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE   | domain_event_entry   | UPDATE domain_event_entry SET payload_type = 'Rewritten'
            UPDATE   | snapshot_event_entry | UPDATE snapshot_event_entry SET payload = convert_to('{}', 'UTF8')
            DELETE   | domain_event_entry   | DELETE FROM domain_event_entry
            DELETE   | snapshot_event_entry | DELETE FROM snapshot_event_entry
            TRUNCATE | domain_event_entry   | TRUNCATE domain_event_entry
            TRUNCATE | snapshot_event_entry | TRUNCATE snapshot_event_entry
            UPDATE   | domain_event_entry   | UPDATE domain_event_entry SET payload_type = 'Rewritten' WHERE false
            DELETE   | snapshot_event_entry | DELETE FROM snapshot_event_entry WHERE false
            """)
    void givenStoredRows_whenRewritingStatementRuns_thenRefusedAndRowsUnchanged(
            String operation, String table, String sql) {
        String before = contentOf(table);

        assertThatThrownBy(() -> jdbc.execute(sql))
                .rootCause()
                .isInstanceOf(PSQLException.class)
                .hasMessageContaining(
                        "the disclosure ledger is append-only: " + operation + " on " + table + " is refused");
        assertThat(contentOf(table)).isNotEqualTo("empty").isEqualTo(before);
    }

    private String contentOf(String table) {
        return jdbc.queryForObject(
                "SELECT coalesce(count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY" + " t::text)), 'empty') FROM "
                        + table + " t",
                String.class);
    }
}
