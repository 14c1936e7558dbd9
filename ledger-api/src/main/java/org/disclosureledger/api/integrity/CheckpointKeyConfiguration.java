package org.disclosureledger.api.integrity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the checkpoint {@link NoteSigner} and its public half, the {@link NoteVerifier}. Its key comes from
 * {@code ledger.checkpoint.signing-key-file}, a file holding the signer key text
 * ({@code PRIVATE+KEY+<origin>+<id>+<base64>}, the format of Go's {@code note} package). With no file configured and
 * the embedded database, a key for {@code ledger.checkpoint.origin} is generated on first start in
 * {@code ${ledger.data-dir}/keys/checkpoint-signer.key} and reused. With an external database and no key the
 * application refuses to start: a new key would break every watchdog's pinned key.
 */
@Configuration(proxyBeanMethods = false)
public class CheckpointKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKeyConfiguration.class);

    @Bean
    NoteSigner checkpointSigner(
            @Value("${ledger.checkpoint.signing-key-file:}") String keyFile,
            @Value("${ledger.checkpoint.origin}") String origin,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${ledger.data-dir}") Path dataDir)
            throws IOException {
        NoteSigner signer;
        if (!keyFile.isBlank()) {
            signer = readSigner(Path.of(keyFile));
        } else if (!datasourceUrl.isBlank()) {
            throw new IllegalStateException("ledger.checkpoint.signing-key-file is not set: an external database needs"
                    + " the checkpoint signing key its watchdogs pinned");
        } else {
            signer = embeddedDefault(embeddedKeyFile(dataDir), origin);
        }
        if (!signer.keyName().equals(origin)) {
            throw new IllegalStateException("the checkpoint signing key is for '" + signer.keyName()
                    + "' but ledger.checkpoint.origin is '" + origin + "'");
        }
        log.info("Checkpoints are signed for {}; watchdogs pin the verifier key {}", origin, signer.verifierKey());
        return signer;
    }

    /** The ledger's public key, which checkpoints are verified with. */
    @Bean
    NoteVerifier checkpointVerifier(NoteSigner checkpointSigner) {
        return checkpointSigner.verifier();
    }

    /** The signer whose key text a file holds (surrounding white space ignored). */
    public static NoteSigner readSigner(Path file) throws IOException {
        return NoteSigner.fromSignerKey(Files.readString(file).strip());
    }

    /** Where the embedded default keeps its generated signing key. */
    public static Path embeddedKeyFile(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("keys").resolve("checkpoint-signer.key");
    }

    private static NoteSigner embeddedDefault(Path file, String origin) throws IOException {
        if (Files.exists(file)) {
            log.info("Embedded default: checkpoint signing key read from {}", file);
            return readSigner(file);
        }
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        NoteSigner signer = NoteSigner.fromSeed(origin, seed);
        Files.createDirectories(file.getParent());
        // Written to a file readable by its owner only, then renamed into place: the key is never readable by others,
        // and a start that stops half way leaves no empty key file behind for every later start to fail on.
        Path written;
        try {
            written = Files.createTempFile(
                    file.getParent(),
                    "checkpoint-signer",
                    ".partial",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot restrict the permissions of {} on this file system", file);
            written = Files.createTempFile(file.getParent(), "checkpoint-signer", ".partial");
        }
        Files.writeString(written, signer.signerKey() + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
        log.info("Embedded default: generated a new checkpoint signing key in {}", file);
        return signer;
    }
}
