package org.disclosureledger.core.disclosure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosureledger.core.disclosure.Examples.DISCLOSURE_ID;
import static org.disclosureledger.core.disclosure.Examples.NOW;
import static org.disclosureledger.core.disclosure.Examples.OTHER_RECIPIENT;
import static org.disclosureledger.core.disclosure.Examples.bulkDisclosureOpened;
import static org.disclosureledger.core.disclosure.Examples.correction;
import static org.disclosureledger.core.disclosure.Examples.details;
import static org.disclosureledger.core.disclosure.Examples.digest;
import static org.disclosureledger.core.disclosure.Examples.disclosureRecorded;
import static org.disclosureledger.core.disclosure.Examples.suspendedDisclosureRecorded;
import static org.disclosureledger.core.disclosure.Rejections.rejectedFor;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Correcting a disclosure: a new event that supersedes named fields, never an edit. */
class CorrectionTest {

    private static final FollowOnId CORRECTION_ID = new FollowOnId("correction-1");
    private static final String REASON = "The data went to the department, not to one of its components";
    private static final String CORRECTION_DIGEST = digest("the correction request");

    private final AggregateTestFixture<Disclosure> fixture = new AggregateTestFixture<>(Disclosure.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerInjectableResource(new NoRulebook());
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void givenRecordedDisclosure_whenRecipientCorrected_thenBothVersionsAreOnRecord() {
        DetailsCorrection correction = correction().recipient(OTHER_RECIPIENT).build();

        fixture.given(disclosureRecorded())
                .when(correct(correction))
                .expectEvents(new DisclosureCorrected(
                        DISCLOSURE_ID,
                        CORRECTION_ID,
                        List.of(CorrectableField.RECIPIENT),
                        details().build(),
                        details().recipient(OTHER_RECIPIENT).build(),
                        REASON,
                        NOW,
                        CORRECTION_DIGEST))
                .expectResultMessagePayload(new FollowOnRecorded(CORRECTION_ID, false));
    }

    @Test
    void givenARequesterRecordedByMistake_whenCleared_thenTheCorrectedDetailsHaveNone() {
        DetailsCorrection correction =
                correction().cleared(CorrectableField.REQUESTER).build();

        fixture.given(disclosureRecorded())
                .when(correct(correction))
                .expectEvents(new DisclosureCorrected(
                        DISCLOSURE_ID,
                        CORRECTION_ID,
                        List.of(CorrectableField.REQUESTER),
                        details().build(),
                        details().requester(null).build(),
                        REASON,
                        NOW,
                        CORRECTION_DIGEST));
    }

    @Test
    void givenNoRequester_whenRequesterCleared_thenRefusedAsChangingNothing() {
        fixture.given(disclosureRecorded(details().requester(null).build()))
                .when(correct(correction().cleared(CorrectableField.REQUESTER).build()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.CORRECTION_CHANGES_NOTHING, "corrections"))
                .expectExceptionMessage(containsString("REQUESTER"));
    }

    @Test
    void givenACorrection_whenItClearsARequiredFieldOrClearsAndSetsOne_thenRefused() {
        assertThatThrownBy(() -> correction().cleared(CorrectableField.PURPOSE).build())
                .isInstanceOf(InvalidValue.class)
                .hasMessage("PURPOSE cannot be cleared: a disclosure always has one");
        assertThatThrownBy(() -> correction()
                        .requester("Someone")
                        .cleared(CorrectableField.REQUESTER)
                        .build())
                .isInstanceOf(InvalidValue.class)
                .hasMessage("a field cannot be both given a new value and cleared");
    }

    @Test
    void givenRecordedDisclosure_whenSeveralFieldsCorrected_thenFieldsAreListedInDeclarationOrder() {
        Instant occurredAt = Instant.parse("2025-06-11T16:00:00Z");
        Purpose purpose = new Purpose(PurposeOfUse.OVERSIGHT, "Program integrity review");
        DetailsCorrection correction = correction()
                .recordCount(40L)
                .purpose(purpose)
                .occurredAt(occurredAt)
                .build();

        fixture.given(disclosureRecorded())
                .when(correct(correction))
                .expectEvents(new DisclosureCorrected(
                        DISCLOSURE_ID,
                        CORRECTION_ID,
                        List.of(CorrectableField.OCCURRED_AT, CorrectableField.PURPOSE, CorrectableField.RECORD_COUNT),
                        details().build(),
                        details()
                                .occurredAt(occurredAt)
                                .purpose(purpose)
                                .recordCount(40)
                                .build(),
                        REASON,
                        NOW,
                        CORRECTION_DIGEST));
    }

    @Test
    void givenRecordedDisclosure_whenDataCategoriesCorrected_thenCorrectedCategoriesAreSorted() {
        List<DataCategory> categories = List.of(DataCategory.SSN, DataCategory.NAME, DataCategory.IMMIGRATION_STATUS);

        fixture.given(disclosureRecorded())
                .when(correct(correction().dataCategories(categories).build()))
                .expectEvents(new DisclosureCorrected(
                        DISCLOSURE_ID,
                        CORRECTION_ID,
                        List.of(CorrectableField.DATA_CATEGORIES),
                        details().build(),
                        details()
                                .dataCategories(
                                        List.of(DataCategory.NAME, DataCategory.SSN, DataCategory.IMMIGRATION_STATUS))
                                .build(),
                        REASON,
                        NOW,
                        CORRECTION_DIGEST));
    }

    @Test
    void givenCorrectedDisclosure_whenCorrectedAgain_thenTheEarlierCorrectionIsWhatIsSuperseded() {
        FollowOnId secondId = new FollowOnId("correction-2");

        fixture.given(disclosureRecorded(), recipientCorrected())
                .when(new CorrectDisclosure(
                        DISCLOSURE_ID,
                        secondId,
                        correction().recordCount(4L).build(),
                        REASON,
                        digest("the second correction")))
                .expectEvents(new DisclosureCorrected(
                        DISCLOSURE_ID,
                        secondId,
                        List.of(CorrectableField.RECORD_COUNT),
                        details().recipient(OTHER_RECIPIENT).build(),
                        details().recipient(OTHER_RECIPIENT).recordCount(4).build(),
                        REASON,
                        NOW,
                        digest("the second correction")));
    }

    @Test
    void givenCorrectedDisclosure_whenSameCorrectionRetried_thenRetryAndNothingWritten() {
        DetailsCorrection correction = correction().recipient(OTHER_RECIPIENT).build();

        fixture.given(disclosureRecorded(), recipientCorrected())
                .when(correct(correction))
                .expectNoEvents()
                .expectResultMessagePayload(new FollowOnRecorded(CORRECTION_ID, true));
    }

    @Test
    void givenCorrectedDisclosure_whenCorrectionIdReusedForOtherContent_thenRejected() {
        fixture.given(disclosureRecorded(), recipientCorrected())
                .when(new CorrectDisclosure(
                        DISCLOSURE_ID,
                        CORRECTION_ID,
                        correction().recordCount(4L).build(),
                        REASON,
                        digest("another correction")))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.FOLLOW_ON_ID_REUSED, "id"));
    }

    @Test
    void givenRecordedDisclosure_whenCorrectionRepeatsACurrentValue_thenRejected() {
        DetailsCorrection correction =
                correction().recipient(OTHER_RECIPIENT).recordCount(3L).build();

        fixture.given(disclosureRecorded())
                .when(correct(correction))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.CORRECTION_CHANGES_NOTHING))
                .expectExceptionMessage(containsString("RECORD_COUNT"));
    }

    @Test
    void givenRecordedDisclosure_whenCategoriesCorrectedToTheSameInAnotherOrder_thenRejected() {
        List<DataCategory> sameCategories = List.of(DataCategory.MEDICAID_ID, DataCategory.ADDRESS, DataCategory.NAME);

        fixture.given(disclosureRecorded())
                .when(correct(correction().dataCategories(sameCategories).build()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.CORRECTION_CHANGES_NOTHING));
    }

    @Test
    void givenRecordedDisclosure_whenCorrectionLeavesNoDataCategory_thenRejectedAsInvalid() {
        fixture.given(disclosureRecorded())
                .when(correct(correction().dataCategories(List.of()).build()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD, "corrections"))
                .expectExceptionMessage(containsString("dataCategories"));
    }

    @Test
    void givenRecordedDisclosure_whenCorrectionSetsRecordCountToZero_thenRejectedAsInvalid() {
        fixture.given(disclosureRecorded())
                .when(correct(correction().recordCount(0L).build()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD))
                .expectExceptionMessage(containsString("recordCount"));
    }

    @Test
    void givenRecordedDisclosure_whenCorrectionGivesNoReason_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(new CorrectDisclosure(
                        DISCLOSURE_ID,
                        CORRECTION_ID,
                        correction().recordCount(4L).build(),
                        " ",
                        CORRECTION_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD, "reason"));
    }

    @Test
    void givenRecordedDisclosure_whenCorrectionMovesItIntoTheFuture_thenRejected() {
        Instant future = NOW.plus(Disclosure.CLOCK_TOLERANCE).plusSeconds(1);

        fixture.given(disclosureRecorded())
                .when(correct(correction().occurredAt(future).build()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.OCCURRED_IN_FUTURE));
    }

    @Test
    void givenRecordedDisclosure_whenCorrectionMovesItBeforeMedicaid_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(correct(correction()
                        .occurredAt(Instant.parse("1960-01-01T00:00:00Z"))
                        .build()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.OCCURRED_BEFORE_MEDICAID));
    }

    @Test
    void givenSuspendedDisclosure_whenCorrectionMovesItToTheDaySuspensionEnds_thenRejected() {
        fixture.givenCurrentTime(Instant.parse("2026-02-01T12:00:00Z"))
                .andGiven(suspendedDisclosureRecorded())
                .when(correct(correction()
                        .occurredAt(Instant.parse("2025-12-31T08:00:00Z"))
                        .build()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.SUSPENSION_NOT_AFTER_DISCLOSURE));
    }

    @Test
    void givenLiftedSuspension_whenCorrectionMovesItPastTheSuspensionsDate_thenCorrected() {
        Instant occurredAt = Instant.parse("2025-12-31T08:00:00Z");
        SuspensionLifted lifted = new SuspensionLifted(
                DISCLOSURE_ID,
                new FollowOnId("lift-1"),
                "Order of the court in 25-cv-01234, vacated",
                "The court vacated its order",
                Instant.parse("2025-07-01T12:00:00Z"),
                digest("the lift request"));

        fixture.givenCurrentTime(Instant.parse("2026-02-01T12:00:00Z"))
                .andGiven(suspendedDisclosureRecorded(), lifted)
                .when(correct(correction().occurredAt(occurredAt).build()))
                .expectEvents(new DisclosureCorrected(
                        DISCLOSURE_ID,
                        CORRECTION_ID,
                        List.of(CorrectableField.OCCURRED_AT),
                        details().build(),
                        details().occurredAt(occurredAt).build(),
                        REASON,
                        Instant.parse("2026-02-01T12:00:00Z"),
                        CORRECTION_DIGEST));
    }

    @Test
    void givenOpenBulkDisclosure_whenCorrected_thenRejectedUntilSealed() {
        fixture.given(bulkDisclosureOpened())
                .when(correct(correction().recordCount(4L).build()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NOT_SEALED));
    }

    private static CorrectDisclosure correct(DetailsCorrection correction) {
        return new CorrectDisclosure(DISCLOSURE_ID, CORRECTION_ID, correction, REASON, CORRECTION_DIGEST);
    }

    /** An earlier correction, under {@link #CORRECTION_ID}, that sent the disclosure to the other recipient. */
    private static DisclosureCorrected recipientCorrected() {
        return new DisclosureCorrected(
                DISCLOSURE_ID,
                CORRECTION_ID,
                List.of(CorrectableField.RECIPIENT),
                details().build(),
                details().recipient(OTHER_RECIPIENT).build(),
                REASON,
                Instant.parse("2025-06-13T08:00:00Z"),
                CORRECTION_DIGEST);
    }
}
