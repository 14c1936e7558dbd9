package org.disclosureledger.core.disclosure;

import static org.disclosureledger.core.disclosure.Examples.DISCLOSURE_ID;
import static org.disclosureledger.core.disclosure.Examples.NOW;
import static org.disclosureledger.core.disclosure.Examples.digest;
import static org.disclosureledger.core.disclosure.Examples.disclosureRecorded;
import static org.disclosureledger.core.disclosure.Examples.suspendedDisclosureRecorded;
import static org.disclosureledger.core.disclosure.Rejections.rejectedFor;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ending a disclosure's suspension before its date, so its subjects see it in full. */
class SuspensionLiftTest {

    private static final FollowOnId LIFT_ID = new FollowOnId("lift-1");
    private static final String AUTHORITY = "Order of the court in 25-cv-01234, vacated on appeal";
    private static final String REASON = "The order that delayed notice was vacated";
    private static final String LIFT_DIGEST = digest("the lift request");

    private final AggregateTestFixture<Disclosure> fixture = new AggregateTestFixture<>(Disclosure.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerInjectableResource(new NoRulebook());
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void givenSuspendedDisclosure_whenSuspensionLifted_thenLifted() {
        fixture.given(suspendedDisclosureRecorded())
                .when(lift(LIFT_ID))
                .expectEvents(new SuspensionLifted(DISCLOSURE_ID, LIFT_ID, AUTHORITY, REASON, NOW, LIFT_DIGEST))
                .expectResultMessagePayload(new FollowOnRecorded(LIFT_ID, false));
    }

    @Test
    void givenSuspendedDisclosure_whenLiftedOnTheLastDayOfTheSuspension_thenLifted() {
        Instant lastDay = Instant.parse("2025-12-30T23:59:59Z");

        fixture.givenCurrentTime(lastDay)
                .andGiven(suspendedDisclosureRecorded())
                .when(lift(LIFT_ID))
                .expectEvents(new SuspensionLifted(DISCLOSURE_ID, LIFT_ID, AUTHORITY, REASON, lastDay, LIFT_DIGEST));
    }

    @Test
    void givenDisclosureWithoutSuspension_whenSuspensionLifted_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(lift(LIFT_ID))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NO_SUSPENSION, null));
    }

    @Test
    void givenLiftedSuspension_whenLiftedAgainUnderAnotherId_thenRejected() {
        fixture.given(suspendedDisclosureRecorded(), lifted())
                .when(lift(new FollowOnId("lift-2")))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.SUSPENSION_ALREADY_ENDED));
    }

    @Test
    void givenLiftedSuspension_whenSameLiftRetried_thenRetryAndNothingWritten() {
        fixture.given(suspendedDisclosureRecorded(), lifted())
                .when(lift(LIFT_ID))
                .expectNoEvents()
                .expectResultMessagePayload(new FollowOnRecorded(LIFT_ID, true));
    }

    @Test
    void givenSuspensionThatEndedOnItsDate_whenLifted_thenRejected() {
        fixture.givenCurrentTime(Instant.parse("2025-12-31T00:00:00Z"))
                .andGiven(suspendedDisclosureRecorded())
                .when(lift(LIFT_ID))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.SUSPENSION_ALREADY_ENDED))
                .expectExceptionMessage(containsString("2025-12-31"));
    }

    @Test
    void givenSuspendedDisclosure_whenLiftGivesNoReason_thenRejected() {
        fixture.given(suspendedDisclosureRecorded())
                .when(new LiftSuspension(DISCLOSURE_ID, LIFT_ID, AUTHORITY, null, LIFT_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD, "reason"));
    }

    @Test
    void givenSuspendedDisclosure_whenLiftNamesNoAuthority_thenRejected() {
        fixture.given(suspendedDisclosureRecorded())
                .when(new LiftSuspension(DISCLOSURE_ID, LIFT_ID, "", REASON, LIFT_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD, "authority"));
    }

    private static LiftSuspension lift(FollowOnId id) {
        return new LiftSuspension(DISCLOSURE_ID, id, AUTHORITY, REASON, LIFT_DIGEST);
    }

    private static SuspensionLifted lifted() {
        return new SuspensionLifted(
                DISCLOSURE_ID, LIFT_ID, AUTHORITY, REASON, Instant.parse("2025-06-18T10:00:00Z"), LIFT_DIGEST);
    }
}
