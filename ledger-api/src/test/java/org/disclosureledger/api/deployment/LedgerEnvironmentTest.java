package org.disclosureledger.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files cannot drift from the application: every {@code ledger.*} property the code reads is declared
 * in the configuration metadata (and every declared one is read), the compose file's ledger service sets only
 * variables the application reads, keys and passwords reach containers as secret files, images are pinned, and the
 * container README's variable table is the metadata's. Each check is also shown to fail on a broken copy.
 */
class LedgerEnvironmentTest {

    private static final Path ROOT = Path.of("..");
    private static final Path METADATA =
            ROOT.resolve("ledger-api/src/main/resources/META-INF/additional-spring-configuration-metadata.json");
    private static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    private static final Path DOCKER_README = ROOT.resolve("docker/README.md");
    private static final String LEDGER_SERVICE = "ledger";

    /**
     * Properties declared and documented ahead of the code that reads them (with the names and defaults that code
     * uses): none left now that the stream publisher and the embedded broker read theirs. Each would fail this test as
     * soon as the code reads it, so that the list only shrinks.
     */
    private static final Set<String> AWAITED_FROM_THE_STREAM = Set.of();

    /** Spring Boot properties declared ahead of the starter that brings them: none left. */
    private static final Set<String> AWAITED_SPRING = Set.of();

    private final DeclaredProperties ledger = DeclaredProperties.readFile(METADATA);
    private final DeclaredProperties spring = DeclaredProperties.onClassPath();

    @Test
    void everyLedgerPropertyTheCodeReadsIsDeclaredWithItsDefault_andEveryDeclaredOneIsRead() {
        PropertyReads reads = PropertyReads.scan(ROOT);

        assertThat(reads.placeholderNames())
                .as("ledger.* placeholders found in main code")
                .hasSizeGreaterThan(10);
        assertThat(DeploymentChecks.declarationsMatchTheCode(ledger, reads, AWAITED_FROM_THE_STREAM))
                .isEmpty();
    }

    @Test
    void applicationYamlSetsDeclaredPropertiesToTheirDeclaredDefaults() throws IOException {
        Map<String, Object> yaml =
                new Yaml().load(Files.readString(ROOT.resolve("ledger-api/src/main/resources/application.yml")));

        assertThat(DeploymentChecks.applicationYamlMatchesTheDeclarations(yaml, ledger))
                .isEmpty();
    }

    @Test
    void everyVariableTheLedgerServiceSetsIsAPropertyTheApplicationReads() throws IOException {
        ComposeFile compose = ComposeFile.parse(Files.readString(COMPOSE));

        assertThat(spring.names())
                .as("Spring Boot's metadata on the class path")
                .contains("spring.datasource.url");
        assertThat(compose.environment(LEDGER_SERVICE))
                .containsKeys("SPRING_DATASOURCE_URL", "LEDGER_CHECKPOINT_ORIGIN");
        assertThat(DeploymentChecks.environmentIsRead(compose, LEDGER_SERVICE, ledger, spring, AWAITED_SPRING))
                .isEmpty();
    }

    @Test
    void keysAndPasswordsReachTheContainersAsSecretFiles() throws IOException {
        ComposeFile compose = ComposeFile.parse(Files.readString(COMPOSE));

        assertThat(compose.declaredSecrets()).isNotEmpty();
        assertThat(DeploymentChecks.secretsAreFiles(compose, LEDGER_SERVICE)).isEmpty();
    }

    @Test
    void everyImageTheComposeFileRunsIsPinnedByVersion() throws IOException {
        assertThat(DeploymentChecks.imagesArePinned(ComposeFile.parse(Files.readString(COMPOSE))))
                .isEmpty();
    }

    @Test
    void theContainerReadmeListsExactlyTheDeclaredProperties() throws IOException {
        assertThat(DeploymentChecks.readmeTableMatches(Files.readString(DOCKER_README), ledger))
                .isEmpty();
    }

    @Test
    void theReadmesMentionOnlyVariablesThatSetADeclaredProperty() throws IOException {
        assertThat(DeploymentChecks.documentedVariablesExist(
                        Files.readString(ROOT.resolve("README.md")), "README.md", ledger))
                .isEmpty();
        assertThat(DeploymentChecks.documentedVariablesExist(
                        Files.readString(DOCKER_README), "docker/README.md", ledger))
                .isEmpty();
    }

    @Test
    void givenAMisspeltVariable_whenTheEnvironmentIsChecked_thenItIsNamed() throws IOException {
        ComposeFile broken = brokenCompose("SPRING_DATASOURCE_URL:", "SPRING_DATASOURCE_ULR:");

        assertThat(DeploymentChecks.environmentIsRead(broken, LEDGER_SERVICE, ledger, spring, AWAITED_SPRING))
                .containsExactly(
                        "the ledger service sets SPRING_DATASOURCE_ULR, which is no property the application reads");
    }

    @Test
    void givenAKeyWrittenIntoTheComposeFile_whenChecked_thenItIsRefusedAsAValueAndAsAnUnknownVariable()
            throws IOException {
        ComposeFile broken = brokenCompose(
                "LEDGER_PSEUDONYM_KEY_FILE: /run/secrets/pseudonym.key",
                "LEDGER_PSEUDONYM_KEY: c2l4dGVlbi1ieXRlcy1vZi1rZXktbWF0ZXJpYWwtaGVyZQ==");

        assertThat(DeploymentChecks.secretsAreFiles(broken, LEDGER_SERVICE))
                .containsExactly("the ledger service sets LEDGER_PSEUDONYM_KEY in the compose file; pass it as a"
                        + " secret file instead");
        assertThat(DeploymentChecks.environmentIsRead(broken, LEDGER_SERVICE, ledger, spring, AWAITED_SPRING))
                .containsExactly(
                        "the ledger service sets LEDGER_PSEUDONYM_KEY, which is no property the application reads");
    }

    @Test
    void givenASecretMountedButNotDeclared_whenChecked_thenItIsNamed() throws IOException {
        ComposeFile broken = brokenCompose("      - source: pseudonym_key\n", "      - source: pseudonym_keys\n");

        assertThat(DeploymentChecks.secretsAreFiles(broken, LEDGER_SERVICE))
                .containsExactly(
                        "the ledger service mounts the secret pseudonym_keys, which the compose file does not declare");
    }

    @Test
    void givenAKeyFileThatIsNoMountedSecret_whenChecked_thenItIsNamed() throws IOException {
        ComposeFile broken = brokenCompose(
                "LEDGER_CHECKPOINT_SIGNING_KEY_FILE: /run/secrets/checkpoint-signer.key",
                "LEDGER_CHECKPOINT_SIGNING_KEY_FILE: /etc/ledger/checkpoint-signer.key");

        assertThat(DeploymentChecks.secretsAreFiles(broken, LEDGER_SERVICE))
                .containsExactly("the ledger service reads LEDGER_CHECKPOINT_SIGNING_KEY_FILE from"
                        + " /etc/ledger/checkpoint-signer.key, which is none of the secrets it mounts");
    }

    @Test
    void givenImagesThatFloat_whenChecked_thenEachIsNamed() throws IOException {
        String compose = Files.readString(COMPOSE);
        String postgres = image(compose, "postgres:");
        String kafka = image(compose, "apache/kafka:");
        ComposeFile broken =
                ComposeFile.parse(compose.replace(postgres, "postgres:17").replace(kafka, "apache/kafka"));

        assertThat(DeploymentChecks.imagesArePinned(broken))
                .containsExactly(
                        "the kafka service runs the image 'apache/kafka', which is not pinned by version (name a tag"
                                + " with a version number, or a digest)",
                        "the postgres service runs the image 'postgres:17', which is not pinned by version (name a tag"
                                + " with a version number, or a digest)");
    }

    @Test
    void givenAReadmeTableWithoutOneProperty_whenChecked_thenTheExpectedTableIsShown() throws IOException {
        String readme = Files.readString(DOCKER_README);
        String row = readme.lines()
                .filter(line -> line.startsWith("| `LEDGER_CHECKPOINT_POLL`"))
                .findFirst()
                .orElseThrow();

        List<String> problems = DeploymentChecks.readmeTableMatches(readme.replace(row + "\n", ""), ledger);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .startsWith("the README's property table differs")
                .contains(row);
    }

    @Test
    void givenCodeThatReadsAnUndeclaredPropertyOrAnotherDefault_whenChecked_thenEachIsNamed(@TempDir Path repository)
            throws IOException {
        Path sources = Files.createDirectories(repository.resolve("some-module/src/main/java/x"));
        Files.writeString(sources.resolve("Reader.java"), """
                class Reader {
                    /** Mentions {@code ${ledger.only.in.a.comment}}, which reads nothing. */
                    Reader(@Value("${ledger.not.declared}") String a, @Value("${ledger.checkpoint.every:10s}") String b) {}
                }
                """);
        PropertyReads reads = PropertyReads.scan(repository);

        assertThat(reads.placeholderNames())
                .containsExactlyInAnyOrder("ledger.not.declared", "ledger.checkpoint.every");
        assertThat(DeploymentChecks.declarationsMatchTheCode(ledger, reads, AWAITED_FROM_THE_STREAM))
                .contains(
                        "ledger.not.declared is read by the code but not declared in the configuration metadata",
                        "ledger.checkpoint.every is read with the default '10s' but declared with '5s'",
                        "ledger.data-dir is declared but nothing in the code reads it");
    }

    @Test
    void givenAnAwaitedPropertyTheCodeReadsNow_whenChecked_thenItMustLeaveTheList(@TempDir Path repository)
            throws IOException {
        Path sources = Files.createDirectories(repository.resolve("publisher/src/main/java/x"));
        Files.writeString(sources.resolve("StreamSettings.java"), """
                @ConfigurationProperties(prefix = "ledger.stream.topics")
                record StreamTopics(String disclosures, String checkpoints, String alerts) {}

                class StreamConfiguration {
                    StreamConfiguration(@Value("${ledger.stream.partitions:6}") int partitions) {}
                }
                """);

        Set<String> awaited =
                Set.of("ledger.stream.partitions", "ledger.stream.topics.alerts", "ledger.embedded.kafka.port");

        assertThat(DeploymentChecks.declarationsMatchTheCode(ledger, PropertyReads.scan(repository), awaited))
                .contains(
                        "ledger.stream.partitions is read by the code now: take it off the list of awaited properties",
                        "ledger.stream.topics.alerts is read by the code now: take it off the list of awaited"
                                + " properties")
                .doesNotContain("ledger.embedded.kafka.port is read by the code now: take it off the list of awaited"
                        + " properties");
    }

    private static ComposeFile brokenCompose(String original, String replacement) throws IOException {
        String compose = Files.readString(COMPOSE);
        assertThat(compose).as("the text to break").contains(original);
        return ComposeFile.parse(compose.replace(original, replacement));
    }

    private static String image(String compose, String prefix) {
        return compose.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("image: " + prefix))
                .map(line -> line.substring("image: ".length()))
                .findFirst()
                .orElseThrow();
    }
}
