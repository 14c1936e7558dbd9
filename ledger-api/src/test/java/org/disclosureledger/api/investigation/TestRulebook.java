package org.disclosureledger.api.investigation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Rulebook;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.core.rulebook.Severity;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A one-version rulebook for the API's investigation tests, standing in for the sample rulebook (built in parallel):
 * version {@code test-1}, in force from 2020, finds every disclosure for law enforcement a violation.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestRulebook implements Rulebook {

    @Bean
    @Primary
    RulebookLibrary testRulebookLibrary() {
        Rulebook only = new TestRulebook();
        return new RulebookLibrary() {
            @Override
            public String name() {
                return only.name();
            }

            @Override
            public List<Rulebook> versions() {
                return List.of(only);
            }

            @Override
            public Optional<Rulebook> version(String version) {
                return version.equals(only.version()) ? Optional.of(only) : Optional.empty();
            }

            @Override
            public Optional<Rulebook> inForceAt(Instant instant) {
                return instant.isBefore(only.effectiveFrom()) ? Optional.empty() : Optional.of(only);
            }
        };
    }

    @Override
    public String name() {
        return "api-test-rulebook";
    }

    @Override
    public String version() {
        return "test-1";
    }

    @Override
    public Instant effectiveFrom() {
        return Instant.parse("2020-01-01T00:00:00Z");
    }

    @Override
    public List<Finding> evaluate(DisclosureDetails details, Instant judgedAt) {
        return details.purpose().code() == PurposeOfUse.LAW
                ? List.of(new Finding("no-law-enforcement", Severity.VIOLATION, "law-enforcement use is barred"))
                : List.of();
    }

    @Override
    public byte[] canonicalJson() {
        return "{\"name\":\"api-test-rulebook\",\"version\":\"test-1\"}".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
