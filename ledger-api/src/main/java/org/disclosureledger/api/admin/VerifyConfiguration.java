package org.disclosureledger.api.admin;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.disclosureledger.api.embedded.EmbeddedPostgresConfiguration;
import org.disclosureledger.api.integrity.CheckpointKeyConfiguration;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.projections.integrity.LedgerVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the {@code verify} command starts: a connection to the ledger's database (the embedded one, which must exist,
 * when none is configured), on which PostgreSQL refuses every write, and the {@link LedgerVerifier}. No schema
 * migration, event processor, sequencer, checkpointer, stream relay, broker or web server runs, so verifying changes
 * nothing, and it needs the ledger's public key only: {@code ledger.checkpoint.public-key-file} (the text
 * {@code GET /api/v1/ledger/public-key} serves), else the public half of {@code ledger.checkpoint.signing-key-file},
 * else of the embedded default's key. Deliberately not a {@code @Configuration}: the application's component scan and
 * the tests' search for a Spring Boot configuration must not find it.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@Import({EmbeddedPostgresConfiguration.class, LedgerVerifier.class})
class VerifyConfiguration {

    private static final String READ_ONLY = "SET default_transaction_read_only = on";

    @Bean
    EmbeddedPostgresConfiguration.ExistingOnly existingEmbeddedDatabaseOnly() {
        return new EmbeddedPostgresConfiguration.ExistingOnly();
    }

    @Bean
    Clock verifyClock() {
        return Clock.systemUTC();
    }

    @Bean
    NoteVerifier checkpointVerifier(
            @Value("${ledger.checkpoint.public-key-file:}") String publicKeyFile,
            @Value("${ledger.checkpoint.signing-key-file:}") String signingKeyFile,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${ledger.data-dir}") Path dataDir)
            throws IOException {
        if (!publicKeyFile.isBlank()) {
            return NoteVerifier.fromVerifierKey(
                    Files.readString(Path.of(publicKeyFile)).strip());
        }
        if (!signingKeyFile.isBlank()) {
            return CheckpointKeyConfiguration.readSigner(Path.of(signingKeyFile))
                    .verifier();
        }
        Path embeddedKey = CheckpointKeyConfiguration.embeddedKeyFile(dataDir);
        if (datasourceUrl.isBlank() && Files.exists(embeddedKey)) {
            return CheckpointKeyConfiguration.readSigner(embeddedKey).verifier();
        }
        throw new IllegalStateException("ledger.checkpoint.public-key-file is not set: give the file holding the"
                + " ledger's public key (GET /api/v1/ledger/public-key)");
    }

    /**
     * Every session is read-only, so PostgreSQL itself refuses any write, whatever code runs on it. The setting comes
     * after any connection-init SQL the operator configured (a search path, say), so that it cannot be undone there.
     */
    @Bean
    static BeanPostProcessor readOnlySessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    String own = pool.getConnectionInitSql();
                    pool.setConnectionInitSql((own == null || own.isBlank() ? "" : own + "; ") + READ_ONLY);
                } else if (bean instanceof DataSource) {
                    throw new IllegalStateException("verify makes its sessions read-only through the Hikari pool, not "
                            + bean.getClass().getName() + " (leave spring.datasource.type unset)");
                }
                return bean;
            }
        };
    }
}
