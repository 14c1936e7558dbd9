package org.disclosureledger.projections.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.disclosureledger.core.rulebook.InvalidRulebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rulebook {@code ledger.rulebook.location} names, and the one line a bad one fails the start with. */
class RulebookConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyLocationMeansTheSampleRulebook() {
        assertThat(RulebookConfiguration.load("").name()).isEqualTo("us-medicaid-disclosures-sample");
        assertThat(RulebookConfiguration.load(null).name()).isEqualTo("us-medicaid-disclosures-sample");
    }

    @Test
    void aFileIsLoaded() throws Exception {
        Path file = dir.resolve("rules.json");
        try (var in = getClass().getResourceAsStream("/rulebook/permissive-test-rulebook.json")) {
            Files.write(file, in.readAllBytes());
        }

        assertThat(RulebookConfiguration.load(file.toString()).name()).isEqualTo("permissive-test-rulebook");
    }

    @Test
    void aMissingFileFailsWithOneLineNamingIt() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> RulebookConfiguration.load(missing.toString()))
                .isInstanceOf(InvalidRulebook.class)
                .hasMessage("ledger.rulebook.location=" + missing + ": no such file");
    }

    @Test
    void aBadFileFailsWithOneLineNamingTheFileThePlaceAndTheProblem() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"name\": \"x\", \"versions\": []}");

        assertThatThrownBy(() -> RulebookConfiguration.load(file.toString()))
                .isInstanceOf(InvalidRulebook.class)
                .hasMessageStartingWith("ledger.rulebook.location=" + file + ": rulebook /versions: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingClasspathResourceFailsWithOneLine() {
        assertThatThrownBy(() -> RulebookConfiguration.load("classpath:/rulebook/nothing.json"))
                .isInstanceOf(InvalidRulebook.class)
                .hasMessage("ledger.rulebook.location=classpath:/rulebook/nothing.json: no such resource");
    }
}
