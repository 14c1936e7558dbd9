package org.disclosureledger.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.core.disclosure.DataCategory.ADDRESS;
import static org.disclosureledger.core.disclosure.DataCategory.CLAIMS;
import static org.disclosureledger.core.disclosure.DataCategory.NAME;
import static org.disclosureledger.core.disclosure.DataCategory.SSN;

import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.junit.jupiter.api.Test;

/** What each kind of rule finds, judged against {@link RulebookLoadingTest#GOOD}'s first version. */
class EvaluationTest {

    private static final Rulebook RULES =
            RulebookLoadingTest.load(RulebookLoadingTest.GOOD).version("1").orElseThrow();

    @Test
    void aDisclosureWithinEveryRuleHasNoFindings() {
        assertThat(judge(Disclosures.disclosure().on("2025-04-01").categories(NAME, ADDRESS)))
                .isEmpty();
    }

    @Test
    void aPurposeOutsideThePermittedPurposesIsAConcernNamingTheCitation() {
        List<Finding> findings = judge(Disclosures.disclosure()
                .on("2025-04-01")
                .purpose(PurposeOfUse.LAW)
                .categories(NAME));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("purposes");
            assertThat(f.severity()).isEqualTo(Severity.CONCERN);
            assertThat(f.explanation())
                    .isEqualTo("The stated purpose LAW is not among the purposes 42 CFR 431.302 permits"
                            + " (plan administration only).");
        });
    }

    @Test
    void aBarredCategoryWhileTheOrderIsInForceIsAViolationNamingTheOrderAndTheDay() {
        List<Finding> findings = judge(Disclosures.disclosure().on("2025-03-01").categories(NAME, SSN));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("order-a", "agreement-a");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.VIOLATION);
        assertThat(findings.get(0).explanation())
                .isEqualTo("The order \"Order A\" (Court, A v. B), in force from 2025-03-01 to 2025-06-30, applied on"
                        + " 2025-03-01: it bars SSN from CA going to us-dhs-ice.");
    }

    @Test
    void theOrderDoesNotReachOtherStatesOtherRecipientsOrOtherDays() {
        assertThat(judge(Disclosures.disclosure().on("2025-03-01").from("TX").categories(SSN)))
                .extracting(Finding::ruleId)
                .doesNotContain("order-a");
        assertThat(judge(Disclosures.disclosure().on("2025-03-01").to("us-ssa").categories(SSN)))
                .isEmpty();
        assertThat(judge(Disclosures.disclosure().on("2025-07-01").categories(SSN)))
                .extracting(Finding::ruleId)
                .doesNotContain("order-a");
    }

    @Test
    void categoriesBeyondTheAgreementAreAFinding() {
        assertThat(judge(Disclosures.disclosure().on("2025-08-01").categories(NAME, CLAIMS)))
                .singleElement()
                .satisfies(f -> assertThat(f.explanation())
                        .isEqualTo("The agreement \"Agreement A\" with us-dhs-ice: it does not permit claims."));
    }

    @Test
    void downloadingWhenTheAgreementForbidsItIsAFinding() {
        assertThat(judge(Disclosures.disclosure().on("2025-08-01").mode(DisclosureMode.BULK_FILE)))
                .singleElement()
                .satisfies(f -> assertThat(f.explanation())
                        .contains("does not allow downloading, and this" + " disclosure handed over a file"));
        assertThat(judge(Disclosures.disclosure().on("2025-08-01").window("2025-08-01", "2025-08-31", true)))
                .singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains("allowed downloading"));
    }

    @Test
    void aDisclosureOutsideTheAgreementsAccessWindowIsAFinding() {
        assertThat(judge(Disclosures.disclosure().on("2026-01-02")))
                .singleElement()
                .satisfies(f -> assertThat(f.explanation())
                        .contains("the disclosure on 2026-01-02 falls outside its access window from 2025-01-01 to"
                                + " 2025-12-31"));
        assertThat(judge(Disclosures.disclosure().on("2025-12-01").window("2025-12-01", "2026-02-01", false)))
                .singleElement()
                .satisfies(f -> assertThat(f.explanation()).contains("reaches outside the agreement's"));
    }

    @Test
    void judgingIsPureTheSameInputsGiveTheSameFindings() {
        DisclosureDetails details = Disclosures.disclosure()
                .on("2025-03-01")
                .purpose(PurposeOfUse.LAW)
                .categories(SSN, CLAIMS)
                .build();
        Instant judgedAt = Instant.parse("2025-03-01T12:00:00Z");

        assertThat(RULES.evaluate(details, judgedAt))
                .hasSize(3)
                .isEqualTo(RULES.evaluate(details, judgedAt))
                .allSatisfy(f -> assertThat(f.explanation()).doesNotContain("Chief Privacy Officer"));
    }

    private static List<Finding> judge(Disclosures.Builder disclosure) {
        DisclosureDetails details = disclosure.build();
        return RULES.evaluate(details, details.occurredAt());
    }
}
