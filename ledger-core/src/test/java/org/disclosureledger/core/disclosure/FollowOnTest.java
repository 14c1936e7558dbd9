package org.disclosureledger.core.disclosure;

import static org.disclosureledger.core.disclosure.Examples.DISCLOSURE_ID;
import static org.disclosureledger.core.disclosure.Examples.NOW;
import static org.disclosureledger.core.disclosure.Examples.SUBJECTS;
import static org.disclosureledger.core.disclosure.Examples.bulkDisclosureOpened;
import static org.disclosureledger.core.disclosure.Examples.bulkDisclosureSealed;
import static org.disclosureledger.core.disclosure.Examples.correction;
import static org.disclosureledger.core.disclosure.Examples.digest;
import static org.disclosureledger.core.disclosure.Examples.disclosureRecorded;
import static org.disclosureledger.core.disclosure.Examples.person;
import static org.disclosureledger.core.disclosure.Examples.subjectsAttached;
import static org.disclosureledger.core.disclosure.Examples.suspendedDisclosureRecorded;
import static org.disclosureledger.core.disclosure.Rejections.rejectedFor;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.disclosureledger.core.merkle.ReferenceMerkleTree;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the follow-ons share (they need a complete disclosure; their ids make retries safe) and disputes. */
class FollowOnTest {

    private static final DisclosureId UNKNOWN = new DisclosureId("ca-dhcs-2025-06-9999");
    private static final FollowOnId DISPUTE_ID = new FollowOnId("dispute-1");
    private static final String STATEMENT = "I never consented to my address being shared with immigration enforcement";
    private static final String DISPUTE_DIGEST = digest("the dispute request");

    private final AggregateTestFixture<Disclosure> fixture = new AggregateTestFixture<>(Disclosure.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerInjectableResource(new NoRulebook());
        fixture.givenCurrentTime(NOW);
    }

    static Stream<Arguments> commandsForAnUnknownDisclosure() {
        FollowOnId id = new FollowOnId("follow-on-1");
        String digest = digest("a follow-on request");
        return Stream.of(
                argumentSet("attach subjects", new AttachSubjects(UNKNOWN, 1, SUBJECTS)),
                argumentSet("seal", new SealBulkDisclosure(UNKNOWN, 3)),
                argumentSet(
                        "correct",
                        new CorrectDisclosure(
                                UNKNOWN, id, correction().recordCount(4L).build(), "typo", digest)),
                argumentSet("dispute", new DisputeDisclosure(UNKNOWN, id, person(1), STATEMENT, digest)),
                argumentSet(
                        "request destruction",
                        new RequestDestruction(
                                UNKNOWN, id, "Attorney General of California", "Court order", null, digest)),
                argumentSet(
                        "certify destruction",
                        new CertifyDestruction(UNKNOWN, id, null, "ICE Privacy Office", NOW, "Overwritten", digest)),
                argumentSet("lift suspension", new LiftSuspension(UNKNOWN, id, "Court", "Order vacated", digest)));
    }

    @ParameterizedTest
    @MethodSource("commandsForAnUnknownDisclosure")
    void givenNoDisclosure_whenFollowOnSent_thenRefusedAsNotFound(Object command) {
        fixture.givenNoPriorActivity().when(command).expectNoEvents().expectException(AggregateNotFoundException.class);
    }

    @Test
    void givenRecordedDisclosure_whenSubjectDisputesIt_thenDisputed() {
        fixture.given(disclosureRecorded())
                .when(dispute(SUBJECTS.get(1)))
                .expectEvents(new DisclosureDisputed(
                        DISCLOSURE_ID, DISPUTE_ID, SUBJECTS.get(1), STATEMENT, NOW, DISPUTE_DIGEST))
                .expectResultMessagePayload(new FollowOnRecorded(DISPUTE_ID, false));
    }

    @Test
    void givenRecordedDisclosure_whenSomeoneElseDisputesIt_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(dispute(person(99)))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NOT_A_SUBJECT, "subject"));
    }

    @Test
    void givenASuspendedDisclosure_whenItsSubjectOrSomeoneElseDisputesIt_thenBothAreRefusedAlike() {
        fixture.given(suspendedDisclosureRecorded())
                .when(dispute(SUBJECTS.get(1)))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.DISCLOSURE_WITHHELD));
        fixture.given(suspendedDisclosureRecorded())
                .when(dispute(person(99)))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.DISCLOSURE_WITHHELD));
    }

    @Test
    void givenAnotherPersonsDispute_whenSomeoneElseUsesItsId_thenTheyAreToldOnlyThatTheyAreNoSubject() {
        fixture.given(
                        disclosureRecorded(),
                        new DisclosureDisputed(
                                DISCLOSURE_ID, DISPUTE_ID, SUBJECTS.get(1), STATEMENT, NOW, DISPUTE_DIGEST))
                .when(dispute(person(99)))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NOT_A_SUBJECT, "subject"));
    }

    /** A bulk disclosure does not keep its subjects, so it cannot check who disputes it (see {@link Disclosure}). */
    @Test
    void givenSealedBulkDisclosure_whenAPersonDisputesIt_thenDisputed() {
        String root = ReferenceMerkleTree.rootHash(
                SUBJECTS.stream().map(PersonRef::bytes).toList());

        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, SUBJECTS), bulkDisclosureSealed(3, 1, root))
                .when(dispute(person(99)))
                .expectEvents(
                        new DisclosureDisputed(DISCLOSURE_ID, DISPUTE_ID, person(99), STATEMENT, NOW, DISPUTE_DIGEST));
    }

    @Test
    void givenOpenBulkDisclosure_whenDisputed_thenRejectedUntilSealed() {
        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, SUBJECTS))
                .when(dispute(SUBJECTS.get(0)))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NOT_SEALED));
    }

    @Test
    void givenRecordedDisclosure_whenDisputeHasNoStatement_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(new DisputeDisclosure(DISCLOSURE_ID, DISPUTE_ID, SUBJECTS.get(0), "", DISPUTE_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD, "statement"));
    }

    @Test
    void givenDisputedDisclosure_whenSameDisputeRetried_thenRetryAndNothingWritten() {
        fixture.given(disclosureRecorded(), disputed())
                .when(dispute(SUBJECTS.get(0)))
                .expectNoEvents()
                .expectResultMessagePayload(new FollowOnRecorded(DISPUTE_ID, true));
    }

    @Test
    void givenDisputedDisclosure_whenDisputeIdReusedForOtherContent_thenRejected() {
        fixture.given(disclosureRecorded(), disputed())
                .when(new DisputeDisclosure(
                        DISCLOSURE_ID, DISPUTE_ID, SUBJECTS.get(2), STATEMENT, digest("another dispute")))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.FOLLOW_ON_ID_REUSED));
    }

    @Test
    void givenDisputedDisclosure_whenAnotherKindOfFollowOnReusesTheId_thenRejected() {
        fixture.given(disclosureRecorded(), disputed())
                .when(new RequestDestruction(
                        DISCLOSURE_ID,
                        DISPUTE_ID,
                        "Attorney General of California",
                        "Order of the court in 25-cv-01234",
                        LocalDate.parse("2025-09-30"),
                        digest("a destruction request")))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.FOLLOW_ON_ID_REUSED, "id"));
    }

    private static DisputeDisclosure dispute(PersonRef subject) {
        return new DisputeDisclosure(DISCLOSURE_ID, DISPUTE_ID, subject, STATEMENT, DISPUTE_DIGEST);
    }

    private static DisclosureDisputed disputed() {
        return new DisclosureDisputed(
                DISCLOSURE_ID,
                DISPUTE_ID,
                SUBJECTS.get(0),
                STATEMENT,
                Instant.parse("2025-06-15T08:00:00Z"),
                DISPUTE_DIGEST);
    }
}
