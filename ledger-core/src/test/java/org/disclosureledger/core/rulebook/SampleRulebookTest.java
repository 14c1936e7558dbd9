package org.disclosureledger.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.core.disclosure.DataCategory.ADDRESS;
import static org.disclosureledger.core.disclosure.DataCategory.DATE_OF_BIRTH;
import static org.disclosureledger.core.disclosure.DataCategory.DIAGNOSES;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.DataCategory.SSN;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample rulebook's verdicts flip on the days the orders take effect and end: the day before the injunction, the
 * day it takes effect, its last day, and the day after it ends (when the later order starts), for a plaintiff state
 * (CA) and a non-plaintiff state (TX), for basic data the later order allows and data it still bars.
 */
class SampleRulebookTest {

    private static final RulebookLibrary SAMPLE = RulebookLibrary.sample();
    private static final String INJUNCTION = "ca-v-hhs-preliminary-injunction";
    private static final String LATER_ORDER = "ca-v-hhs-basic-data-order";
    private static final DataCategory[] BASIC = {NAME, ADDRESS, DATE_OF_BIRTH};
    private static final DataCategory[] BARRED = {NAME, SSN, DIAGNOSES};

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("2025-08-11", "CA", BASIC, List.of()),
                Arguments.of("2025-08-12", "CA", BASIC, List.of(INJUNCTION)),
                Arguments.of("2025-08-12", "TX", BASIC, List.of()),
                Arguments.of("2025-08-13", "CA", BARRED, List.of(INJUNCTION)),
                Arguments.of("2026-01-05", "CA", BASIC, List.of(INJUNCTION)),
                Arguments.of("2026-01-06", "CA", BASIC, List.of()),
                Arguments.of("2026-01-06", "CA", BARRED, List.of(LATER_ORDER)),
                Arguments.of("2026-01-06", "TX", BARRED, List.of()),
                Arguments.of("2026-01-05", "CA", BARRED, List.of(INJUNCTION)),
                Arguments.of("2025-08-11", "CA", BARRED, List.of()));
    }

    @ParameterizedTest(name = "on {0} a disclosure from {1} of {2} to ICE meets the orders {3}")
    @MethodSource("verdicts")
    void courtOrderVerdictsFlipOnTheDaysTheOrdersTakeEffectAndEnd(
            String day, String state, DataCategory[] categories, List<String> orders) {
        DisclosureDetails details = Disclosures.disclosure()
                .on(day)
                .from(state)
                .categories(categories)
                .build();

        List<Finding> findings = judgeAtRecordTime(details);

        assertThat(findings)
                .extracting(Finding::ruleId)
                .filteredOn(id -> id.startsWith("ca-v-hhs"))
                .containsExactlyElementsOf(orders);
        assertThat(findings)
                .filteredOn(f -> f.ruleId().startsWith("ca-v-hhs"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.VIOLATION))
                .allSatisfy(f -> assertThat(f.explanation()).contains(day).contains(state));
    }

    @Test
    void theOrdersFollowTheJudgingInstantNotTheVersionAlone() {
        Rulebook latest = SAMPLE.version("2026.1").orElseThrow();
        DisclosureDetails details =
                Disclosures.disclosure().on("2025-09-01").categories(BASIC).build();

        assertThat(latest.evaluate(details, Instant.parse("2025-09-01T00:00:00Z")))
                .extracting(Finding::ruleId)
                .contains(INJUNCTION);
        assertThat(latest.evaluate(details, Instant.parse("2026-02-01T00:00:00Z")))
                .extracting(Finding::ruleId)
                .doesNotContain(INJUNCTION, LATER_ORDER);
    }

    @Test
    void theVersionInForceChangesOnEachVersionsFirstDay() {
        assertThat(SAMPLE.inForceAt(Instant.parse("2024-12-31T23:59:59Z"))).isEmpty();
        assertThat(SAMPLE.inForceAt(Instant.parse("2025-08-11T23:59:59Z"))
                        .orElseThrow()
                        .version())
                .isEqualTo("2025.1");
        assertThat(SAMPLE.inForceAt(Instant.parse("2025-08-12T00:00:00Z"))
                        .orElseThrow()
                        .version())
                .isEqualTo("2025.2");
        assertThat(SAMPLE.inForceAt(Instant.parse("2026-01-06T00:00:00Z"))
                        .orElseThrow()
                        .version())
                .isEqualTo("2026.1");
        assertThat(SAMPLE.name()).isEqualTo("us-medicaid-disclosures-sample");
    }

    @Test
    void theSampleSaysItIsASimplifiedModelAndNotLegalAdvice() throws Exception {
        try (var in = RulebookLibrary.class.getResourceAsStream("/rulebook/sample-rulebook.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text)
                    .contains("simplified model")
                    .contains("NOT legal advice")
                    .contains("public news reporting");
        }
    }

    @Test
    void eachVersionHasItsOwnStableHashOfItsCanonicalJson() {
        RulebookLibrary again = RulebookLibrary.sample();
        for (Rulebook version : SAMPLE.versions()) {
            Rulebook reloaded = again.version(version.version()).orElseThrow();
            assertThat(reloaded.sha256()).isEqualTo(version.sha256()).hasSize(64);
            assertThat(reloaded.canonicalJson()).isEqualTo(version.canonicalJson());
        }
        assertThat(SAMPLE.versions()).extracting(Rulebook::sha256).doesNotHaveDuplicates();
    }

    private static List<Finding> judgeAtRecordTime(DisclosureDetails details) {
        return SAMPLE.inForceAt(details.occurredAt()).orElseThrow().evaluate(details, details.occurredAt());
    }
}
