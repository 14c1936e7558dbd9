package org.disclosureledger.api.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.disclosureledger.api.LedgerApplication;
import org.disclosureledger.core.rulebook.InvalidRulebook;
import org.disclosureledger.projections.rulebook.RulebookConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad rulebook file fails the start with its one-line reason as Spring Boot's failure description. */
class InvalidRulebookFailureAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void aBadRulebookFileIsReportedInOneLineWithWhatToDo() throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, "{\"name\": \"x\"}");
        InvalidRulebook cause = null;
        try {
            RulebookConfiguration.load(file.toString());
        } catch (InvalidRulebook e) {
            cause = e;
        }
        assertThat(cause).isNotNull();
        Throwable startFailure = new BeanCreationException("ledgerRulebook", "could not create", cause);

        FailureAnalysis analysis = new InvalidRulebookFailureAnalyzer().analyze(startFailure);

        assertThat(analysis.getDescription())
                .isEqualTo("ledger.rulebook.location=" + file + ": rulebook /: required property 'versions' not found")
                .doesNotContain("\n");
        assertThat(analysis.getAction()).contains("LEDGER_RULEBOOK_LOCATION");
    }

    @Test
    void theAnalyzerIsRegisteredForSpringBoot() throws Exception {
        StringBuilder factories = new StringBuilder();
        var resources = LedgerApplication.class.getClassLoader().getResources("META-INF/spring.factories");
        while (resources.hasMoreElements()) {
            try (var in = resources.nextElement().openStream()) {
                factories.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        assertThat(factories.toString())
                .contains("org.springframework.boot.diagnostics.FailureAnalyzer=\\\n"
                        + InvalidRulebookFailureAnalyzer.class.getName());
    }
}
