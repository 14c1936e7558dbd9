package org.disclosureledger.projections.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, empty PostgreSQL database created for one test (or one Spring context) on the {@link SharedPostgres}
 * server, with what a client needs to connect to it.
 *
 * @param name     the database's name on the server
 * @param jdbcUrl  the JDBC URL of the database
 * @param username a user that owns the database (a superuser of the test server)
 * @param password that user's password
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

    /** Points Spring Boot's {@code spring.datasource.*} at this database. */
    public void registerIn(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", this::username);
        registry.add("spring.datasource.password", this::password);
    }

    /** The same {@code spring.datasource.*} properties, for a context started by hand. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username,
                "spring.datasource.password", password);
    }

    /** A small connection pool (two connections) to this database; the caller closes it. */
    public HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(2);
        return pool;
    }

    /** A new JDBC connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
