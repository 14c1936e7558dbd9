package org.disclosureledger.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Configures a test application like a production one: a fresh database on the shared test PostgreSQL (a container
 * where Docker runs, the embedded server otherwise), fresh watchdog-stream topics on the shared test Kafka broker, and
 * a pseudonymisation key file, one per test JVM, and the test identity provider's key ({@link TestTokens}).
 */
public final class TestLedger {

    private static final byte[] KEY = newKey();
    private static final Path KEY_FILE = writeKeyFile();
    private static final NoteSigner SIGNER = NoteSigner.fromSeed("localhost/disclosure-ledger", newKey());
    private static final Path SIGNER_FILE = writeSignerFile();

    private TestLedger() {}

    /** Points the application at a fresh, empty database, fresh stream topics and the test key. */
    public static void configure(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
        SharedKafka.register(registry);
        registry.add("ledger.pseudonym.key-file", KEY_FILE::toString);
        registry.add("ledger.checkpoint.signing-key-file", SIGNER_FILE::toString);
        registry.add("ledger.data-dir", () -> KEY_FILE.getParent().toString());
        // Tests that are not about judging see exactly the events they record; the judging tests use the sample.
        registry.add("ledger.rulebook.location", () -> PERMISSIVE_RULEBOOK);
        // The test identity provider, configured as production configures one ({@link TestTokens}).
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + TestTokens.publicKeyFile());
        registry.add("ledger.security.issuer", () -> TestTokens.ISSUER);
        // Tests poll histories while projections catch up; the rate limit has its own test (LookupRateLimitTest).
        registry.add("ledger.security.lookups-per-minute", () -> "1000000");
    }

    /** A rulebook that never flags: every purpose permitted, no order, no agreement. */
    public static final String PERMISSIVE_RULEBOOK = "classpath:/rulebook/permissive-test-rulebook.json";

    /** The pseudonymiser the test application uses, to compute the person references a test expects. */
    public static Pseudonymiser pseudonymiser() {
        return new Pseudonymiser(KEY);
    }

    /** The checkpoint signer the test application uses. */
    public static NoteSigner checkpointSigner() {
        return SIGNER;
    }

    private static Path writeSignerFile() {
        try {
            Path file = KEY_FILE.resolveSibling("checkpoint-signer.key");
            Files.writeString(file, SIGNER.signerKey());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static Path writeKeyFile() {
        try {
            Path dir = Files.createTempDirectory("ledger-test-");
            Path file = dir.resolve("pseudonym.key");
            Files.writeString(file, Base64.getEncoder().encodeToString(KEY));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
