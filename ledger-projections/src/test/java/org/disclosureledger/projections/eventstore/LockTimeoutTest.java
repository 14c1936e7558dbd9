package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every connection of the ledger's pool waits at most {@code ledger.database.lock-timeout} for a lock: a statement
 * that would wait longer fails with PostgreSQL's lock_not_available, and its transaction can roll back.
 */
class LockTimeoutTest {

    private final TestDatabase database = SharedPostgres.freshDatabase();

    @Test
    @Timeout(30)
    void givenARowLockedElsewhere_whenAPooledConnectionWaitsLongerThanTheLimit_thenItsStatementFails()
            throws Exception {
        try (HikariDataSource pool = pool(new LockTimeout(Duration.ofMillis(200)), null);
                Connection holder =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            jdbc.execute("CREATE TABLE counted (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
            jdbc.update("INSERT INTO counted VALUES (1, 0)");
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SELECT * FROM counted WHERE id = 1 FOR UPDATE");
            }

            assertThat(lockTimeoutOf(pool)).isEqualTo("200ms");
            try (Connection waiting = pool.getConnection();
                    Statement update = waiting.createStatement()) {
                assertThatThrownBy(() -> update.executeUpdate("UPDATE counted SET n = n + 1 WHERE id = 1"))
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState())
                        // lock_not_available
                        .isEqualTo("55P03");
            }
            holder.rollback();
            assertThat(jdbc.update("UPDATE counted SET n = n + 1 WHERE id = 1")).isEqualTo(1);
        }
    }

    @Test
    void givenAConnectionInitSqlOfItsOwn_whenTheLimitIsSet_thenBothApply() {
        try (HikariDataSource pool =
                pool(new LockTimeout(Duration.ofSeconds(30)), "SET application_name = 'operator-chosen'")) {
            assertThat(lockTimeoutOf(pool)).isEqualTo("30s");
            assertThat(new JdbcTemplate(pool).queryForObject("SHOW application_name", String.class))
                    .isEqualTo("operator-chosen");
        }
    }

    @Test
    void givenAnInitSqlSettingItsOwnLimit_whenTheLimitIsSet_thenTheOwnLimitWins() {
        try (HikariDataSource pool = pool(new LockTimeout(Duration.ofSeconds(30)), "SET lock_timeout = '5s'")) {
            assertThat(lockTimeoutOf(pool)).isEqualTo("5s");
        }
    }

    @Test
    void givenZero_whenSet_thenTheDatabasesOwnSettingStays() {
        try (HikariDataSource pool = pool(new LockTimeout(Duration.ZERO), null)) {
            assertThat(pool.getConnectionInitSql()).isNull();
            assertThat(lockTimeoutOf(pool)).isEqualTo("0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-1S", "PT0.0005S", "PT600H"})
    void givenALimitPostgreSQLCannotTake_whenConfigured_thenRefusedNamingTheProperty(String limit) {
        assertThatThrownBy(() -> new LockTimeout(Duration.parse(limit)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.database.lock-timeout must be 0 (the database's own setting) or from 1ms to 24d,"
                        + " not " + limit);
    }

    @Test
    void givenABeanThatIsNoHikariPool_whenPostProcessed_thenLeftAsItIs() {
        Object other = new Object();

        assertThat(new LockTimeout(Duration.ofSeconds(30)).postProcessBeforeInitialization(other, "other"))
                .isSameAs(other);
    }

    /** A pool on the test database, with an init SQL of its own (or none), post-processed by the limit. */
    private HikariDataSource pool(LockTimeout limit, String ownInitSql) {
        HikariDataSource unstarted = new HikariDataSource();
        unstarted.setJdbcUrl(database.jdbcUrl());
        unstarted.setUsername(database.username());
        unstarted.setPassword(database.password());
        unstarted.setMaximumPoolSize(2);
        unstarted.setConnectionInitSql(ownInitSql);
        return (HikariDataSource) limit.postProcessBeforeInitialization(unstarted, "dataSource");
    }

    private static String lockTimeoutOf(HikariDataSource pool) {
        return new JdbcTemplate(pool).queryForObject("SHOW lock_timeout", String.class);
    }
}
