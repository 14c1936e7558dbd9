package org.disclosureledger.core.disclosure;

import static org.disclosureledger.core.disclosure.Examples.DISCLOSURE_ID;
import static org.disclosureledger.core.disclosure.Examples.NOW;
import static org.disclosureledger.core.disclosure.Examples.OCCURRED_AT;
import static org.disclosureledger.core.disclosure.Examples.bulkDisclosureOpened;
import static org.disclosureledger.core.disclosure.Examples.digest;
import static org.disclosureledger.core.disclosure.Examples.disclosureRecorded;
import static org.disclosureledger.core.disclosure.Rejections.rejectedFor;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asking the recipient to destroy what it received, and the recipient certifying that it did. */
class DestructionTest {

    private static final FollowOnId REQUEST_ID = new FollowOnId("destruction-request-1");
    private static final FollowOnId CERTIFICATION_ID = new FollowOnId("destruction-certified-1");
    private static final String REQUESTED_BY = "Attorney General of California";
    private static final String AUTHORITY = "Order of the court in 25-cv-01234, paragraph 4";
    private static final LocalDate DUE_BY = LocalDate.parse("2025-09-30");
    private static final String REQUEST_DIGEST = digest("the destruction request");
    private static final String CERTIFIED_BY = "Privacy Office, U.S. Immigration and Customs Enforcement";
    private static final String METHOD = "NIST SP 800-88 purge of all copies, including backups";
    private static final Instant DESTROYED_AT = Instant.parse("2025-06-19T17:00:00Z");
    private static final String CERTIFICATION_DIGEST = digest("the certification");

    private final AggregateTestFixture<Disclosure> fixture = new AggregateTestFixture<>(Disclosure.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerInjectableResource(new NoRulebook());
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void givenRecordedDisclosure_whenDestructionRequested_thenRequested() {
        fixture.given(disclosureRecorded())
                .when(new RequestDestruction(
                        DISCLOSURE_ID, REQUEST_ID, REQUESTED_BY, AUTHORITY, DUE_BY, REQUEST_DIGEST))
                .expectEvents(new DestructionRequested(
                        DISCLOSURE_ID, REQUEST_ID, REQUESTED_BY, AUTHORITY, DUE_BY, NOW, REQUEST_DIGEST))
                .expectResultMessagePayload(new FollowOnRecorded(REQUEST_ID, false));
    }

    @Test
    void givenRecordedDisclosure_whenDestructionRequestedByNobody_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(new RequestDestruction(DISCLOSURE_ID, REQUEST_ID, null, AUTHORITY, DUE_BY, REQUEST_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD, "requestedBy"));
    }

    @Test
    void givenRecordedDisclosure_whenDestructionRequestedOnNoAuthority_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(new RequestDestruction(DISCLOSURE_ID, REQUEST_ID, REQUESTED_BY, "\t", DUE_BY, REQUEST_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD, "authority"));
    }

    @Test
    void givenOpenBulkDisclosure_whenDestructionRequested_thenRejectedUntilSealed() {
        fixture.given(bulkDisclosureOpened())
                .when(new RequestDestruction(
                        DISCLOSURE_ID, REQUEST_ID, REQUESTED_BY, AUTHORITY, DUE_BY, REQUEST_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NOT_SEALED));
    }

    @Test
    void givenDestructionRequest_whenRecipientCertifiesIt_thenCertified() {
        fixture.given(disclosureRecorded(), requested())
                .when(certify(REQUEST_ID, DESTROYED_AT))
                .expectEvents(new DestructionCertified(
                        DISCLOSURE_ID,
                        CERTIFICATION_ID,
                        REQUEST_ID,
                        CERTIFIED_BY,
                        DESTROYED_AT,
                        METHOD,
                        NOW,
                        CERTIFICATION_DIGEST))
                .expectResultMessagePayload(new FollowOnRecorded(CERTIFICATION_ID, false));
    }

    @Test
    void givenNoDestructionRequest_whenRecipientCertifiesUnasked_thenCertified() {
        fixture.given(disclosureRecorded())
                .when(certify(null, DESTROYED_AT))
                .expectEvents(new DestructionCertified(
                        DISCLOSURE_ID,
                        CERTIFICATION_ID,
                        null,
                        CERTIFIED_BY,
                        DESTROYED_AT,
                        METHOD,
                        NOW,
                        CERTIFICATION_DIGEST));
    }

    @Test
    void givenRecordedDisclosure_whenCertificationNamesAnUnknownRequest_thenRejected() {
        fixture.given(disclosureRecorded(), requested())
                .when(certify(new FollowOnId("destruction-request-7"), DESTROYED_AT))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.UNKNOWN_DESTRUCTION_REQUEST, "requestId"));
    }

    @Test
    void givenCertifiedRequest_whenCertifiedAgainUnderAnotherId_thenRejected() {
        fixture.given(disclosureRecorded(), requested(), certified())
                .when(new CertifyDestruction(
                        DISCLOSURE_ID,
                        new FollowOnId("destruction-certified-2"),
                        REQUEST_ID,
                        CERTIFIED_BY,
                        DESTROYED_AT,
                        METHOD,
                        digest("a second certification")))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.DESTRUCTION_ALREADY_CERTIFIED, "requestId"));
    }

    @Test
    void givenCertifiedRequest_whenSameCertificationRetried_thenRetryAndNothingWritten() {
        fixture.given(disclosureRecorded(), requested(), certified())
                .when(certify(REQUEST_ID, DESTROYED_AT))
                .expectNoEvents()
                .expectResultMessagePayload(new FollowOnRecorded(CERTIFICATION_ID, true));
    }

    @Test
    void givenRequest_whenDestructionCertifiedInTheFuture_thenRejected() {
        Instant future = NOW.plus(Disclosure.CLOCK_TOLERANCE).plusSeconds(1);

        fixture.given(disclosureRecorded(), requested())
                .when(certify(REQUEST_ID, future))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.DESTROYED_AT_OUT_OF_RANGE, "destroyedAt"));
    }

    @Test
    void givenRequest_whenDestroyedBeforeTheDisclosureOccurred_thenRejected() {
        fixture.given(disclosureRecorded(), requested())
                .when(certify(REQUEST_ID, OCCURRED_AT.minusSeconds(1)))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.DESTROYED_AT_OUT_OF_RANGE))
                .expectExceptionMessage(containsString("before the disclosure occurred"));
    }

    @Test
    void givenRequest_whenCertificationGivesNoDestructionTime_thenRejected() {
        fixture.given(disclosureRecorded(), requested())
                .when(certify(REQUEST_ID, null))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD, "destroyedAt"));
    }

    @Test
    void givenRequest_whenCertificationGivesNoMethod_thenRejected() {
        fixture.given(disclosureRecorded(), requested())
                .when(new CertifyDestruction(
                        DISCLOSURE_ID,
                        CERTIFICATION_ID,
                        REQUEST_ID,
                        CERTIFIED_BY,
                        DESTROYED_AT,
                        " ",
                        CERTIFICATION_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.INVALID_FIELD, "method"));
    }

    private static CertifyDestruction certify(FollowOnId requestId, Instant destroyedAt) {
        return new CertifyDestruction(
                DISCLOSURE_ID, CERTIFICATION_ID, requestId, CERTIFIED_BY, destroyedAt, METHOD, CERTIFICATION_DIGEST);
    }

    private static DestructionRequested requested() {
        return new DestructionRequested(
                DISCLOSURE_ID,
                REQUEST_ID,
                REQUESTED_BY,
                AUTHORITY,
                DUE_BY,
                Instant.parse("2025-06-14T09:00:00Z"),
                REQUEST_DIGEST);
    }

    private static DestructionCertified certified() {
        return new DestructionCertified(
                DISCLOSURE_ID,
                CERTIFICATION_ID,
                REQUEST_ID,
                CERTIFIED_BY,
                DESTROYED_AT,
                METHOD,
                Instant.parse("2025-06-19T18:00:00Z"),
                CERTIFICATION_DIGEST);
    }
}
