package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Flyway schema is the one Axon's JPA entities expect; the context only starts if Hibernate validates it. */
@SpringBootTest(classes = EventStoreTestApplication.class)
class EventStoreSchemaTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenFreshDatabase_whenApplicationStarts_thenMigrationsAppliedAndHibernateValidatedThem() {
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class))
                .contains("1");
        assertThat(jdbc.queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class))
                .contains(
                        "domain_event_entry",
                        "snapshot_event_entry",
                        "token_entry",
                        "saga_entry",
                        "association_value_entry",
                        "dead_letter_entry");
    }

    @Test
    void givenAxonTables_whenInspected_thenEveryLobColumnIsByteaNotOid() {
        List<String> lobColumns = jdbc.queryForList("""
                SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga',
                                                                  'diagnostics')
                ORDER BY 1""", String.class);
        assertThat(lobColumns)
                .hasSize(10)
                .allSatisfy(column -> assertThat(column).endsWith(":bytea"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                                + " AND data_type = 'oid'",
                        Integer.class))
                .isZero();
    }

    @Test
    void givenGlobalIndexSequence_whenInspected_thenItIncrementsByOne() {
        assertThat(jdbc.queryForObject(
                        "SELECT increment_by FROM pg_sequences WHERE sequencename =" + " 'domain_event_entry_seq'",
                        Long.class))
                .isEqualTo(1L);
    }
}
