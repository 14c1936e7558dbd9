package org.disclosureledger.api.pseudonym;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link Pseudonymiser}. Its key comes from {@code ledger.pseudonym.key-file} (a file holding the key in
 * base64). When that is not set and the ledger runs on its embedded PostgreSQL, a key is generated on first start in
 * {@code ${ledger.data-dir}/keys/pseudonym.key} and reused afterwards. With an external database and no key the
 * application refuses to start: a new key would give every enrollee a new pseudonym and split their history.
 */
@Configuration(proxyBeanMethods = false)
public class PseudonymKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PseudonymKeyConfiguration.class);
    private static final int KEY_BYTES = 32;

    @Bean
    Pseudonymiser pseudonymiser(
            @Value("${ledger.pseudonym.key-file:}") String keyFile,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${ledger.data-dir}") Path dataDir)
            throws IOException {
        if (!keyFile.isBlank()) {
            log.info("Pseudonymisation key read from the configured key file");
            return new Pseudonymiser(readKey(Path.of(keyFile)));
        }
        if (!datasourceUrl.isBlank()) {
            throw new IllegalStateException("ledger.pseudonym.key-file is not set: an external database needs the"
                    + " pseudonymisation key it was written with (a file holding at least 32 random bytes in base64)");
        }
        Path generated = dataDir.toAbsolutePath().resolve("keys").resolve("pseudonym.key");
        if (!Files.exists(generated)) {
            writeNewKey(generated);
            log.info("Embedded default: generated a new pseudonymisation key in {}", generated);
        } else {
            log.info("Embedded default: pseudonymisation key read from {}", generated);
        }
        return new Pseudonymiser(readKey(generated));
    }

    private static byte[] readKey(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("the pseudonymisation key file " + file + " cannot be read");
        }
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length < KEY_BYTES) {
                throw new IllegalStateException(
                        "the pseudonymisation key in " + file + " is shorter than " + KEY_BYTES + " bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the pseudonymisation key file " + file + " does not hold base64");
        }
    }

    private static void writeNewKey(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot restrict the permissions of {} on this file system", file);
        }
    }
}
