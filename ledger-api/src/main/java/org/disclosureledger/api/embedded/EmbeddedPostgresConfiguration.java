package org.disclosureledger.api.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server from Maven-provided binaries when {@code spring.datasource.url} is not set, with its
 * data under {@code ${ledger.data-dir}/postgres} so that the ledger survives restarts. Production configures a JDBC
 * URL instead and this configuration stays off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** A bean of commands that only read a ledger ({@code verify}): no new database is made where none is. */
    public record ExistingOnly() {}

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${ledger.data-dir}") Path dataDir, ObjectProvider<ExistingOnly> existingOnly) throws IOException {
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        if (existingOnly.getIfAvailable() != null && !Files.exists(pgData.resolve("PG_VERSION"))) {
            throw new IllegalStateException("there is no embedded ledger database in " + pgData
                    + " (set ledger.data-dir to the ledger's, or spring.datasource.url)");
        }
        Files.createDirectories(pgData);
        log.info("No spring.datasource.url configured: starting the embedded PostgreSQL with its data in {}", pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("timezone", "UTC")
                .start();
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
        return postgres;
    }

    /** The pool starts on first use, so that post-processors may still configure it (the ledger's lock timeout). */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPoolName("ledger-embedded");
        pool.setMaximumPoolSize(10);
        return pool;
    }
}
