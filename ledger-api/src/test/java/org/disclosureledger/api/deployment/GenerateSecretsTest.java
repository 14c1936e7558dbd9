package org.disclosureledger.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker/generate-secrets.sh} makes keys the ledger accepts: a signer key whose key id is its public half's (as
 * {@link NoteSigner} checks), the matching verifier key for watchdogs, a 32-byte pseudonymisation key; and it never
 * replaces a key, nor writes anything for an origin a signed note cannot name.
 */
class GenerateSecretsTest {

    private static final Path SCRIPT = Path.of("..", "docker", "generate-secrets.sh");
    private static final String ORIGIN = "ledger.example.org/disclosures";

    record Run(int exitCode, String out, String err) {}

    @Test
    void theGeneratedSignerKeySignsNotesThatTheGeneratedVerifierKeyAccepts(@TempDir Path temp) throws Exception {
        Path secrets = temp.resolve("secrets");

        Run run = generate(ORIGIN, secrets);

        assertThat(run.exitCode()).as(run.err()).isZero();
        NoteSigner signer = NoteSigner.fromSignerKey(read(secrets.resolve("checkpoint-signer.key")));
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(read(secrets.resolve("checkpoint-verifier.key")));
        assertThat(signer.keyName()).isEqualTo(ORIGIN);
        assertThat(verifier.verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(verifier.verifyText(signer.sign("ledger.example.org/disclosures\n7\nroot\n")))
                .isEqualTo("ledger.example.org/disclosures\n7\nroot\n");
        assertThat(run.out()).contains("Watchdogs pin: " + signer.verifierKey());
    }

    @Test
    void thePseudonymKeyIs32RandomBytesInBase64_andThePasswordIsLettersAndDigits(@TempDir Path temp) throws Exception {
        Path one = temp.resolve("one");
        Path two = temp.resolve("two");

        assertThat(generate(ORIGIN, one).exitCode()).isZero();
        assertThat(generate(ORIGIN, two).exitCode()).isZero();

        byte[] key = Base64.getDecoder().decode(read(one.resolve("pseudonym.key")));
        assertThat(key).hasSize(32);
        assertThat(read(one.resolve("pseudonym.key"))).isNotEqualTo(read(two.resolve("pseudonym.key")));
        assertThat(read(one.resolve("postgres-password"))).matches("[A-Za-z0-9]{32}");
    }

    @Test
    void givenKeysThatExist_whenRunAgain_thenItRefusesInOneLineAndChangesNothing(@TempDir Path temp) throws Exception {
        Path secrets = temp.resolve("secrets");
        assertThat(generate(ORIGIN, secrets).exitCode()).isZero();
        String signerKey = read(secrets.resolve("checkpoint-signer.key"));

        Run again = generate(ORIGIN, secrets);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().lines().toList())
                .singleElement()
                .asString()
                .contains("pseudonym.key exists; it is never replaced");
        assertThat(read(secrets.resolve("checkpoint-signer.key"))).isEqualTo(signerKey);
    }

    @Test
    void givenAnOriginWithAPlusOrASpace_whenRun_thenItRefusesInOneLineAndWritesNothing(@TempDir Path temp)
            throws Exception {
        for (String origin : List.of("ledger+example", "ledger example", "")) {
            Path secrets = temp.resolve("secrets");

            Run run = generate(origin, secrets);

            assertThat(run.exitCode()).as(origin).isEqualTo(1);
            assertThat(run.err().lines().toList()).as(origin).hasSize(1);
            assertThat(secrets).as(origin).doesNotExist();
        }
    }

    private static Run generate(String origin, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), origin, directory.toString()).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("generate-secrets.sh did not finish within 60 s");
        }
        return new Run(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }
}
