package org.disclosureledger.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.core.disclosure.Examples.CUSTODIAN;
import static org.disclosureledger.core.disclosure.Examples.DISCLOSURE_ID;
import static org.disclosureledger.core.disclosure.Examples.REQUEST_DIGEST;
import static org.disclosureledger.core.disclosure.Examples.SUBJECTS;
import static org.disclosureledger.core.disclosure.Examples.correction;
import static org.disclosureledger.core.disclosure.Examples.details;
import static org.disclosureledger.core.disclosure.Examples.digest;
import static org.disclosureledger.core.disclosure.Examples.recordDisclosure;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Rulebook;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.core.rulebook.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At record time the sample rulebook in force when the disclosure happened judges it; findings become one
 * {@link DisclosureFlagged} event after the recording (or opening, or correction), and no finding means no event.
 */
class FlaggingTest {

    private static final RulebookLibrary SAMPLE = RulebookLibrary.sample();
    private static final Instant NOW = Instant.parse("2025-09-10T12:00:00Z");
    private static final Instant DURING_INJUNCTION = Instant.parse("2025-09-01T09:30:00Z");
    private static final Purpose OPERATIONS = new Purpose(PurposeOfUse.OPERATIONS, "Plan operations");
    private static final FollowOnId CORRECTION_ID = new FollowOnId("correction-1");

    private final AggregateTestFixture<Disclosure> fixture = new AggregateTestFixture<>(Disclosure.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerInjectableResource(SAMPLE);
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void aDisclosureBarredByTheOrderInForceWhenItHappenedIsRecordedAndFlagged() {
        DisclosureDetails details = details().occurredAt(DURING_INJUNCTION).build();
        Rulebook inForce = SAMPLE.version("2025.2").orElseThrow();
        List<Finding> findings = inForce.evaluate(details, DURING_INJUNCTION);

        assertThat(findings)
                .extracting(Finding::ruleId)
                .containsExactly("cfr-42-431-302", "ca-v-hhs-preliminary-injunction", "cms-ice-2025-agreement");
        assertThat(findings.get(1).severity()).isEqualTo(Severity.VIOLATION);
        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details, SUBJECTS))
                .expectEvents(
                        new DisclosureRecorded(DISCLOSURE_ID, NOW, details, SUBJECTS, null, REQUEST_DIGEST),
                        new DisclosureFlagged(
                                DISCLOSURE_ID,
                                null,
                                "us-medicaid-disclosures-sample",
                                "2025.2",
                                inForce.sha256(),
                                DURING_INJUNCTION,
                                findings));
    }

    @Test
    void theOrdersThatApplyAreThoseOfTheDayTheDataWasReleasedNotTheDayItWasRecorded() {
        DisclosureDetails details = details()
                .occurredAt(Instant.parse("2025-08-11T23:00:00Z"))
                .purpose(OPERATIONS)
                .mode(DisclosureMode.QUERY_ACCESS)
                .build();

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details, SUBJECTS))
                .expectEvents(new DisclosureRecorded(DISCLOSURE_ID, NOW, details, SUBJECTS, null, REQUEST_DIGEST));
    }

    @Test
    void aDisclosureNoRuleHasAnythingToSayAboutProducesNoFlag() {
        DisclosureDetails details = details()
                .occurredAt(DURING_INJUNCTION)
                .custodian(new Custodian(new StateCode("TX"), "Texas Health and Human Services"))
                .purpose(OPERATIONS)
                .mode(DisclosureMode.QUERY_ACCESS)
                .build();

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details, SUBJECTS))
                .expectEvents(new DisclosureRecorded(DISCLOSURE_ID, NOW, details, SUBJECTS, null, REQUEST_DIGEST));
    }

    @Test
    void aBulkDisclosureIsJudgedWhenItIsOpened() {
        DisclosureDetails details = details().occurredAt(DURING_INJUNCTION).build();
        Rulebook inForce = SAMPLE.version("2025.2").orElseThrow();

        fixture.givenNoPriorActivity()
                .when(new OpenBulkDisclosure(DISCLOSURE_ID, details, null, REQUEST_DIGEST))
                .expectEvents(
                        new BulkDisclosureOpened(DISCLOSURE_ID, NOW, details, null, REQUEST_DIGEST),
                        new DisclosureFlagged(
                                DISCLOSURE_ID,
                                null,
                                inForce.name(),
                                inForce.version(),
                                inForce.sha256(),
                                DURING_INJUNCTION,
                                inForce.evaluate(details, DURING_INJUNCTION)));
    }

    @Test
    void aCorrectionThatChangesTheDetailsIsJudgedAgainUnderTheCorrection() {
        DisclosureDetails recorded = details()
                .occurredAt(Instant.parse("2025-08-11T09:00:00Z"))
                .custodian(CUSTODIAN)
                .purpose(OPERATIONS)
                .mode(DisclosureMode.QUERY_ACCESS)
                .build();
        DisclosureDetails corrected = details()
                .occurredAt(DURING_INJUNCTION)
                .custodian(CUSTODIAN)
                .purpose(OPERATIONS)
                .mode(DisclosureMode.QUERY_ACCESS)
                .build();
        String correctionDigest = digest("the correction request");
        Rulebook inForce = SAMPLE.version("2025.2").orElseThrow();
        List<Finding> findings = inForce.evaluate(corrected, DURING_INJUNCTION);
        assertThat(findings).extracting(Finding::ruleId).containsExactly("ca-v-hhs-preliminary-injunction");

        fixture.given(new DisclosureRecorded(DISCLOSURE_ID, NOW, recorded, SUBJECTS, null, REQUEST_DIGEST))
                .when(new CorrectDisclosure(
                        DISCLOSURE_ID,
                        CORRECTION_ID,
                        correction().occurredAt(DURING_INJUNCTION).build(),
                        "the release happened later than first reported",
                        correctionDigest))
                .expectEvents(
                        new DisclosureCorrected(
                                DISCLOSURE_ID,
                                CORRECTION_ID,
                                List.of(CorrectableField.OCCURRED_AT),
                                recorded,
                                corrected,
                                "the release happened later than first reported",
                                NOW,
                                correctionDigest),
                        new DisclosureFlagged(
                                DISCLOSURE_ID,
                                CORRECTION_ID,
                                inForce.name(),
                                inForce.version(),
                                inForce.sha256(),
                                DURING_INJUNCTION,
                                findings));
    }

    @Test
    void aRetriedRecordingIsNotJudgedTwice() {
        DisclosureDetails details = details().occurredAt(DURING_INJUNCTION).build();

        fixture.given(new DisclosureRecorded(DISCLOSURE_ID, NOW, details, SUBJECTS, null, REQUEST_DIGEST))
                .when(recordDisclosure(details, SUBJECTS))
                .expectNoEvents();
    }
}
