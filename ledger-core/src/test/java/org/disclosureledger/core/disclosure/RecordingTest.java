package org.disclosureledger.core.disclosure;

import static org.disclosureledger.core.disclosure.Examples.DISCLOSURE_ID;
import static org.disclosureledger.core.disclosure.Examples.NOW;
import static org.disclosureledger.core.disclosure.Examples.RECORDED_AT;
import static org.disclosureledger.core.disclosure.Examples.REQUEST_DIGEST;
import static org.disclosureledger.core.disclosure.Examples.SUBJECTS;
import static org.disclosureledger.core.disclosure.Examples.SUSPENSION;
import static org.disclosureledger.core.disclosure.Examples.bulkDisclosureOpened;
import static org.disclosureledger.core.disclosure.Examples.details;
import static org.disclosureledger.core.disclosure.Examples.digest;
import static org.disclosureledger.core.disclosure.Examples.disclosureRecorded;
import static org.disclosureledger.core.disclosure.Examples.people;
import static org.disclosureledger.core.disclosure.Examples.person;
import static org.disclosureledger.core.disclosure.Examples.recordDisclosure;
import static org.disclosureledger.core.disclosure.Rejections.rejectedFor;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.HistoryAccess;
import org.disclosureledger.core.access.HistoryAccessed;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.RecordHistoryAccess;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording a disclosure whose subjects are all known at once, and retrying it. */
class RecordingTest {

    private final AggregateTestFixture<Disclosure> fixture = new AggregateTestFixture<>(Disclosure.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerInjectableResource(new NoRulebook());
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void givenNoDisclosure_whenRecorded_thenRecordedAtTheLedgersTime() {
        DisclosureDetails details = details().build();

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details, SUBJECTS))
                .expectEvents(new DisclosureRecorded(DISCLOSURE_ID, NOW, details, SUBJECTS, null, REQUEST_DIGEST))
                .expectResultMessagePayload(new Recorded(DISCLOSURE_ID, NOW, false));
    }

    @Test
    void givenNoDisclosure_whenRecordedWithSuspension_thenSuspensionIsOnRecord() {
        DisclosureDetails details = details().build();

        fixture.givenNoPriorActivity()
                .when(new RecordDisclosure(DISCLOSURE_ID, details, SUBJECTS, SUSPENSION, REQUEST_DIGEST))
                .expectEvents(
                        new DisclosureRecorded(DISCLOSURE_ID, NOW, details, SUBJECTS, SUSPENSION, REQUEST_DIGEST));
    }

    @Test
    void givenRecordedDisclosure_whenSameRequestRetried_thenOriginalIsReturnedAndNothingWritten() {
        fixture.given(disclosureRecorded())
                .when(recordDisclosure(details().build(), SUBJECTS))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(DISCLOSURE_ID, RECORDED_AT, true));
    }

    @Test
    void givenRecordedDisclosure_whenIdReusedWithDifferentContent_thenRejected() {
        RecordDisclosure other = new RecordDisclosure(
                DISCLOSURE_ID, details().recordCount(4).build(), people(1, 4), null, digest("another request"));

        fixture.given(disclosureRecorded())
                .when(other)
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.ID_REUSED_WITH_DIFFERENT_CONTENT, "disclosureId"));
    }

    @Test
    void givenBulkDisclosure_whenSingleDisclosureReusesItsIdWithOtherContent_thenRejected() {
        RecordDisclosure other = new RecordDisclosure(
                DISCLOSURE_ID, details().build(), SUBJECTS, null, digest("a single disclosure request"));

        fixture.given(bulkDisclosureOpened())
                .when(other)
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.ID_REUSED_WITH_DIFFERENT_CONTENT));
    }

    /**
     * Ids are one namespace: a disclosure id that a recorded read of someone's records already holds (the watchdog
     * stream publishes those ids) is refused by Axon before the aggregate sees the command, since the read's stream
     * does not load as a disclosure. The API answers it as {@code id-taken-by-another-entry}.
     */
    @Test
    void givenARecordedReadUnderTheId_whenADisclosureIsRecordedOrOpenedUnderIt_thenItsStreamDoesNotLoad() {
        fixture.given(readUnderTheDisclosureId())
                .when(recordDisclosure(details().build(), SUBJECTS))
                .expectNoEvents()
                .expectException(IncompatibleAggregateException.class);
        fixture.given(readUnderTheDisclosureId())
                .when(new OpenBulkDisclosure(DISCLOSURE_ID, details().build(), null, REQUEST_DIGEST))
                .expectNoEvents()
                .expectException(IncompatibleAggregateException.class);
    }

    @Test
    void givenARecordedDisclosure_whenAReadIsRecordedUnderItsId_thenItsStreamDoesNotLoad() {
        AggregateTestFixture<HistoryAccess> reads = new AggregateTestFixture<>(HistoryAccess.class);

        reads.given(disclosureRecorded())
                .when(new RecordHistoryAccess(
                        new AccessId(DISCLOSURE_ID.value()),
                        person(1),
                        new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR),
                        AccessedRecord.HISTORY,
                        new StatedPurpose("Complaint 2025-118"),
                        NOW))
                .expectNoEvents()
                .expectException(IncompatibleAggregateException.class);
    }

    @Test
    void givenNoDisclosure_whenOccurredMoreThanClockToleranceAhead_thenRejected() {
        Instant tooLate = NOW.plus(Disclosure.CLOCK_TOLERANCE).plusSeconds(1);

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details().occurredAt(tooLate).build(), SUBJECTS))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.OCCURRED_IN_FUTURE, "occurredAt"));
    }

    @Test
    void givenNoDisclosure_whenOccurredWithinClockTolerance_thenRecorded() {
        DisclosureDetails details =
                details().occurredAt(NOW.plus(Disclosure.CLOCK_TOLERANCE)).build();

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details, SUBJECTS))
                .expectEvents(new DisclosureRecorded(DISCLOSURE_ID, NOW, details, SUBJECTS, null, REQUEST_DIGEST));
    }

    @Test
    void givenNoDisclosure_whenOccurredBeforeMedicaidExisted_thenRejected() {
        Instant before = Disclosure.MEDICAID_ENACTED.minus(Duration.ofSeconds(1));

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details().occurredAt(before).build(), SUBJECTS))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.OCCURRED_BEFORE_MEDICAID, "occurredAt"));
    }

    @Test
    void givenNoDisclosure_whenOccurredTheDayMedicaidWasEnacted_thenRecorded() {
        DisclosureDetails details =
                details().occurredAt(Disclosure.MEDICAID_ENACTED).build();

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details, SUBJECTS))
                .expectEvents(new DisclosureRecorded(DISCLOSURE_ID, NOW, details, SUBJECTS, null, REQUEST_DIGEST));
    }

    @Test
    void givenNoDisclosure_whenRecordedWithoutSubjects_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details().build(), List.of()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NO_SUBJECTS, "subjects"));
    }

    @Test
    void givenNoDisclosure_whenRecordedWithNullSubjects_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details().build(), null))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NO_SUBJECTS));
    }

    @Test
    void givenNoDisclosure_whenSubjectRepeated_thenRejectedNamingTheRepeat() {
        List<PersonRef> subjects = List.of(person(1), person(2), person(1));

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details().build(), subjects))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.DUPLICATE_SUBJECTS, "subjects[2]"));
    }

    @Test
    void givenNoDisclosure_whenMoreSubjectsThanASingleDisclosureCarries_thenRejected() {
        List<PersonRef> subjects = people(1, Disclosure.MAX_SUBJECTS_PER_RECORD + 1);

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details().build(), subjects))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.TOO_MANY_SUBJECTS, "subjects"))
                .expectExceptionMessage(containsString("bulk disclosure"));
    }

    @Test
    void givenNoDisclosure_whenAsManySubjectsAsASingleDisclosureCarries_thenRecorded() {
        List<PersonRef> subjects = people(1, Disclosure.MAX_SUBJECTS_PER_RECORD);
        DisclosureDetails details = details().build();

        fixture.givenNoPriorActivity()
                .when(recordDisclosure(details, subjects))
                .expectEvents(new DisclosureRecorded(DISCLOSURE_ID, NOW, details, subjects, null, REQUEST_DIGEST));
    }

    @Test
    void givenNoDisclosure_whenSubjectsGivenInAMutableList_thenEventKeepsItsOwnCopy() {
        List<PersonRef> subjects = new ArrayList<>(SUBJECTS);
        ResultValidator<Disclosure> outcome =
                fixture.givenNoPriorActivity().when(recordDisclosure(details().build(), subjects));
        subjects.add(person(99));

        outcome.expectEvents(
                new DisclosureRecorded(DISCLOSURE_ID, NOW, details().build(), SUBJECTS, null, REQUEST_DIGEST));
    }

    @Test
    void givenNoDisclosure_whenSuspensionEndsTheDayItOccurred_thenRejected() {
        LocalDate dayOfDisclosure = LocalDate.parse("2025-06-12");
        Suspension suspension = new Suspension(dayOfDisclosure, "Order of the court in 25-cv-01234");

        fixture.givenNoPriorActivity()
                .when(new RecordDisclosure(DISCLOSURE_ID, details().build(), SUBJECTS, suspension, REQUEST_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.SUSPENSION_NOT_AFTER_DISCLOSURE, "suspension.until"));
    }

    @Test
    void givenNoDisclosure_whenSuspensionEndsTheDayAfterItOccurred_thenRecorded() {
        Suspension suspension = new Suspension(LocalDate.parse("2025-06-13"), "Order of the court in 25-cv-01234");
        DisclosureDetails details = details().build();

        fixture.givenNoPriorActivity()
                .when(new RecordDisclosure(DISCLOSURE_ID, details, SUBJECTS, suspension, REQUEST_DIGEST))
                .expectEvents(
                        new DisclosureRecorded(DISCLOSURE_ID, NOW, details, SUBJECTS, suspension, REQUEST_DIGEST));
    }

    /** A recorded read of someone's records whose access id is the example disclosure's id. */
    private static HistoryAccessed readUnderTheDisclosureId() {
        return new HistoryAccessed(
                new AccessId(DISCLOSURE_ID.value()),
                person(1),
                new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR),
                AccessedRecord.HISTORY,
                new StatedPurpose("Complaint 2025-118"),
                NOW.minusSeconds(60));
    }
}
