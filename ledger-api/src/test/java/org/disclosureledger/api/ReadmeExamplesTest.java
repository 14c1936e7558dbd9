package org.disclosureledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosureledger.projections.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the README's examples as written, in order, against a fresh application: every {@code bash} block between
 * each pair of examples markers must exit 0 and print each line of the {@code text} block that follows it. The only changes
 * made are the addresses: {@code localhost:8080} becomes the test application's port, and the embedded broker's
 * {@code 127.0.0.1:9092} the test JVM's shared Kafka broker, where the application publishes under the default topic
 * names as it does when run with the README's command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String START = "<!-- examples:start -->";
    private static final String END = "<!-- examples:end -->";
    private static final Pattern BLOCK = Pattern.compile("```(bash|text)\\n(.*?)```", Pattern.DOTALL);

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
        // The README shows what the application does by default: judging with the sample rulebook.
        registry.add("ledger.rulebook.location", () -> "");
        registry.add("ledger.stream.topics.disclosures", () -> "disclosure-ledger.disclosures");
        registry.add("ledger.stream.topics.checkpoints", () -> "disclosure-ledger.checkpoints");
        registry.add("ledger.stream.topics.alerts", () -> "disclosure-ledger.alerts");
        // The README's tokens come from the development issuer, as on the embedded default.
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "");
        registry.add("ledger.security.issuer", () -> "");
        registry.add("ledger.security.dev-issuer", () -> "true");
    }

    @LocalServerPort
    int port;

    record Example(String script, List<String> expectedLines) {}

    @Test
    void everyReadmeExampleRunsAndPrintsWhatTheReadmeShows() throws Exception {
        List<Example> examples = examples();
        assertThat(examples).as("examples found in the README").hasSizeGreaterThanOrEqualTo(4);

        for (Example example : examples) {
            String script = example.script()
                    .replace("http://localhost:8080", "http://localhost:" + port)
                    .replace("127.0.0.1:9092", SharedKafka.bootstrapServers());
            Path output = Files.createTempFile("readme-example-", ".out");
            Process process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(README.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(90, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            assertThat(finished)
                    .as("finished within 90 s:\n%s\noutput:\n%s", example.script(), printed)
                    .isTrue();
            assertThat(process.exitValue())
                    .as("exit code of:\n%s\noutput:\n%s", example.script(), printed)
                    .isZero();
            assertThat(printed.lines().toList())
                    .as("output of:\n%s", example.script())
                    .containsAll(example.expectedLines());
        }
    }

    private static List<Example> examplesIn(String section) {
        Matcher blocks = BLOCK.matcher(section);
        List<Example> examples = new ArrayList<>();
        String pendingScript = null;
        while (blocks.find()) {
            if (blocks.group(1).equals("bash")) {
                if (pendingScript != null) {
                    examples.add(new Example(pendingScript, List.of()));
                }
                pendingScript = blocks.group(2);
            } else if (pendingScript != null) {
                examples.add(new Example(pendingScript, blocks.group(2).lines().toList()));
                pendingScript = null;
            }
        }
        if (pendingScript != null) {
            examples.add(new Example(pendingScript, List.of()));
        }
        return examples;
    }

    private static List<Example> examples() throws IOException {
        String readme = Files.readString(README);
        List<Example> examples = new ArrayList<>();
        int start = readme.indexOf(START);
        assertThat(start).as("an examples section in the README").isNotNegative();
        while (start >= 0) {
            int end = readme.indexOf(END, start);
            assertThat(end)
                    .as("the end of the examples section at offset %d", start)
                    .isGreaterThan(start);
            examples.addAll(examplesIn(readme.substring(start, end)));
            start = readme.indexOf(START, end);
        }
        return examples;
    }
}
