package org.disclosureledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the checkpoint signing key comes from, and how the embedded default keeps the one it generates. */
class CheckpointKeyConfigurationTest {

    private static final String ORIGIN = "test.disclosure-ledger/log";

    private final CheckpointKeyConfiguration configuration = new CheckpointKeyConfiguration();

    @Test
    void givenTheEmbeddedDefault_whenStartedTwice_thenOneKeyIsGeneratedReadableByItsOwnerOnlyAndReused(
            @TempDir Path dataDir) throws Exception {
        NoteSigner first = configuration.checkpointSigner("", ORIGIN, "", dataDir);
        NoteSigner second = configuration.checkpointSigner("", ORIGIN, "", dataDir);

        Path key = dataDir.resolve("keys").resolve("checkpoint-signer.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(key).strip()).isEqualTo(first.signerKey());
        assertThat(second.verifierKey()).isEqualTo(first.verifierKey());
        try (var files = Files.list(key.getParent())) {
            assertThat(files).as("nothing but the key in its directory").containsExactly(key);
        }
    }

    @Test
    void givenAnExternalDatabaseAndNoKeyFile_whenStarted_thenRefusedNamingTheProperty(@TempDir Path dataDir) {
        assertThatThrownBy(() ->
                        configuration.checkpointSigner("", ORIGIN, "jdbc:postgresql://db.example/ledger", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.checkpoint.signing-key-file");
    }
}
