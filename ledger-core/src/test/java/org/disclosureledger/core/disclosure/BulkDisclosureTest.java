package org.disclosureledger.core.disclosure;

import static org.disclosureledger.core.disclosure.Examples.DISCLOSURE_ID;
import static org.disclosureledger.core.disclosure.Examples.NOW;
import static org.disclosureledger.core.disclosure.Examples.RECORDED_AT;
import static org.disclosureledger.core.disclosure.Examples.REQUEST_DIGEST;
import static org.disclosureledger.core.disclosure.Examples.SUSPENSION;
import static org.disclosureledger.core.disclosure.Examples.bulkDisclosureOpened;
import static org.disclosureledger.core.disclosure.Examples.bulkDisclosureSealed;
import static org.disclosureledger.core.disclosure.Examples.chunkDigest;
import static org.disclosureledger.core.disclosure.Examples.details;
import static org.disclosureledger.core.disclosure.Examples.digest;
import static org.disclosureledger.core.disclosure.Examples.disclosureRecorded;
import static org.disclosureledger.core.disclosure.Examples.people;
import static org.disclosureledger.core.disclosure.Examples.person;
import static org.disclosureledger.core.disclosure.Examples.subjectsAttached;
import static org.disclosureledger.core.disclosure.Rejections.rejectedFor;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.disclosureledger.core.merkle.ReferenceMerkleTree;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bulk disclosure: opened, filled chunk by chunk, sealed with its count and manifest root. */
class BulkDisclosureTest {

    private static final List<PersonRef> FIRST_CHUNK = people(1, 3);
    private static final List<PersonRef> SECOND_CHUNK = people(4, 2);

    private final AggregateTestFixture<Disclosure> fixture = new AggregateTestFixture<>(Disclosure.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerInjectableResource(new NoRulebook());
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void givenNoDisclosure_whenBulkDisclosureOpened_thenOpenedWithoutSubjects() {
        DisclosureDetails details = details().build();

        fixture.givenNoPriorActivity()
                .when(new OpenBulkDisclosure(DISCLOSURE_ID, details, SUSPENSION, REQUEST_DIGEST))
                .expectEvents(new BulkDisclosureOpened(DISCLOSURE_ID, NOW, details, SUSPENSION, REQUEST_DIGEST))
                .expectResultMessagePayload(new Recorded(DISCLOSURE_ID, NOW, false));
    }

    @Test
    void givenOpenedBulkDisclosure_whenOpeningRetried_thenOriginalIsReturnedAndNothingWritten() {
        fixture.given(bulkDisclosureOpened())
                .when(new OpenBulkDisclosure(DISCLOSURE_ID, details().build(), null, REQUEST_DIGEST))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(DISCLOSURE_ID, RECORDED_AT, true));
    }

    @Test
    void givenOpenedBulkDisclosure_whenIdReusedWithDifferentContent_thenRejected() {
        fixture.given(bulkDisclosureOpened())
                .when(new OpenBulkDisclosure(DISCLOSURE_ID, details().build(), null, digest("another request")))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.ID_REUSED_WITH_DIFFERENT_CONTENT, "disclosureId"));
    }

    @Test
    void givenSingleDisclosure_whenBulkDisclosureOpenedUnderItsIdWithOtherContent_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(new OpenBulkDisclosure(DISCLOSURE_ID, details().build(), null, digest("a bulk request")))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.ID_REUSED_WITH_DIFFERENT_CONTENT));
    }

    @Test
    void givenNoDisclosure_whenBulkDisclosureOccursInTheFuture_thenRejected() {
        Instant future = NOW.plus(Disclosure.CLOCK_TOLERANCE).plusSeconds(1);

        fixture.givenNoPriorActivity()
                .when(new OpenBulkDisclosure(
                        DISCLOSURE_ID, details().occurredAt(future).build(), null, REQUEST_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.OCCURRED_IN_FUTURE));
    }

    @Test
    void givenNoDisclosure_whenBulkDisclosureOccurredBeforeMedicaid_thenRejected() {
        Instant before = Instant.parse("1965-07-29T23:59:59Z");

        fixture.givenNoPriorActivity()
                .when(new OpenBulkDisclosure(
                        DISCLOSURE_ID, details().occurredAt(before).build(), null, REQUEST_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.OCCURRED_BEFORE_MEDICAID));
    }

    @Test
    void givenNoDisclosure_whenBulkSuspensionEndsBeforeItOccurred_thenRejected() {
        Suspension suspension = new Suspension(LocalDate.parse("2025-06-01"), "Order of the court in 25-cv-01234");

        fixture.givenNoPriorActivity()
                .when(new OpenBulkDisclosure(DISCLOSURE_ID, details().build(), suspension, REQUEST_DIGEST))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.SUSPENSION_NOT_AFTER_DISCLOSURE));
    }

    @Test
    void givenOpenedBulkDisclosure_whenFirstChunkAttached_thenItStartsTheManifest() {
        fixture.given(bulkDisclosureOpened())
                .when(new AttachSubjects(DISCLOSURE_ID, 1, FIRST_CHUNK))
                .expectEvents(new BulkSubjectsAttached(DISCLOSURE_ID, 1, 0, FIRST_CHUNK, chunkDigest(FIRST_CHUNK), NOW))
                .expectResultMessagePayload(new ChunkAttached(1, 3, 3, false));
    }

    @Test
    void givenOneChunk_whenNextChunkAttached_thenItContinuesTheManifest() {
        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK))
                .when(new AttachSubjects(DISCLOSURE_ID, 2, SECOND_CHUNK))
                .expectEvents(
                        new BulkSubjectsAttached(DISCLOSURE_ID, 2, 3, SECOND_CHUNK, chunkDigest(SECOND_CHUNK), NOW))
                .expectResultMessagePayload(new ChunkAttached(2, 2, 5, false));
    }

    @Test
    void givenChunks_whenLastChunkResentWithSameSubjects_thenRetryAndNothingWritten() {
        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK), subjectsAttached(2, 3, SECOND_CHUNK))
                .when(new AttachSubjects(DISCLOSURE_ID, 2, SECOND_CHUNK))
                .expectNoEvents()
                .expectResultMessagePayload(new ChunkAttached(2, 2, 5, true));
    }

    @Test
    void givenChunk_whenLastChunkResentWithOtherSubjects_thenRejected() {
        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK))
                .when(new AttachSubjects(DISCLOSURE_ID, 1, SECOND_CHUNK))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.CHUNK_RETRY_DIFFERS, "chunkNumber"));
    }

    @Test
    void givenChunk_whenLastChunkResentInAnotherOrder_thenRejected() {
        List<PersonRef> reordered = List.of(person(3), person(2), person(1));

        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK))
                .when(new AttachSubjects(DISCLOSURE_ID, 1, reordered))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.CHUNK_RETRY_DIFFERS));
    }

    @Test
    void givenChunk_whenTheNextNumberCarriesTheSameSubjects_thenRejectedAndNothingWritten() {
        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK))
                .when(new AttachSubjects(DISCLOSURE_ID, 2, FIRST_CHUNK))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.CHUNK_REPEATS_LAST, "chunkNumber"))
                .expectExceptionMessage(containsString("the same subjects, in the same order, as chunk 1"));
    }

    @Test
    void givenChunk_whenTheNextNumberCarriesTheSamePeopleInAnotherOrder_thenAttached() {
        // Only an exact repeat of the last chunk is caught; duplicates across chunks are not (docs/decisions.md).
        List<PersonRef> reordered = List.of(person(3), person(2), person(1));

        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK))
                .when(new AttachSubjects(DISCLOSURE_ID, 2, reordered))
                .expectEvents(new BulkSubjectsAttached(DISCLOSURE_ID, 2, 3, reordered, chunkDigest(reordered), NOW));
    }

    @Test
    void givenTwoChunks_whenEarlierChunkResent_thenRejectedAsOutOfOrder() {
        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK), subjectsAttached(2, 3, SECOND_CHUNK))
                .when(new AttachSubjects(DISCLOSURE_ID, 1, FIRST_CHUNK))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.CHUNK_OUT_OF_ORDER))
                .expectExceptionMessage(containsString("the next chunk is 3"));
    }

    @Test
    void givenOpenedBulkDisclosure_whenChunkSkipsANumber_thenRejectedAsOutOfOrder() {
        fixture.given(bulkDisclosureOpened())
                .when(new AttachSubjects(DISCLOSURE_ID, 2, FIRST_CHUNK))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.CHUNK_OUT_OF_ORDER, "chunkNumber"));
    }

    @Test
    void givenOpenedBulkDisclosure_whenChunkZeroAttached_thenRejectedAsOutOfOrder() {
        fixture.given(bulkDisclosureOpened())
                .when(new AttachSubjects(DISCLOSURE_ID, 0, FIRST_CHUNK))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.CHUNK_OUT_OF_ORDER));
    }

    @Test
    void givenOpenedBulkDisclosure_whenEmptyChunkAttached_thenRejected() {
        fixture.given(bulkDisclosureOpened())
                .when(new AttachSubjects(DISCLOSURE_ID, 1, List.of()))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NO_SUBJECTS, "subjects"));
    }

    @Test
    void givenOpenedBulkDisclosure_whenChunkLargerThanAllowed_thenRejected() {
        fixture.given(bulkDisclosureOpened())
                .when(new AttachSubjects(DISCLOSURE_ID, 1, people(1, Disclosure.MAX_SUBJECTS_PER_CHUNK + 1)))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.TOO_MANY_SUBJECTS, "subjects"));
    }

    @Test
    void givenOpenedBulkDisclosure_whenChunkRepeatsASubject_thenRejected() {
        fixture.given(bulkDisclosureOpened())
                .when(new AttachSubjects(DISCLOSURE_ID, 1, List.of(person(1), person(1))))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.DUPLICATE_SUBJECTS, "subjects[1]"));
    }

    @Test
    void givenSingleDisclosure_whenSubjectsAttached_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(new AttachSubjects(DISCLOSURE_ID, 1, FIRST_CHUNK))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NOT_A_BULK_DISCLOSURE));
    }

    @Test
    void givenSingleDisclosure_whenSealed_thenRejected() {
        fixture.given(disclosureRecorded())
                .when(new SealBulkDisclosure(DISCLOSURE_ID, 3))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NOT_A_BULK_DISCLOSURE));
    }

    @Test
    void givenChunks_whenSealedWithTheirCount_thenSealedWithTheManifestsRfc9162Root() {
        String root = ReferenceMerkleTree.rootHash(
                people(1, 5).stream().map(PersonRef::bytes).toList());

        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK), subjectsAttached(2, 3, SECOND_CHUNK))
                .when(new SealBulkDisclosure(DISCLOSURE_ID, 5))
                .expectEvents(new BulkDisclosureSealed(DISCLOSURE_ID, 5, 2, root, NOW))
                .expectResultMessagePayload(new Sealed(5, 2, root, false));
    }

    @Test
    void givenSealed_whenTheSameSealComesAgain_thenTheOriginalResultAndNothingWritten() {
        String root = ReferenceMerkleTree.rootHash(
                FIRST_CHUNK.stream().map(PersonRef::bytes).toList());

        fixture.given(sealedWithFirstChunk())
                .when(new SealBulkDisclosure(DISCLOSURE_ID, 3))
                .expectNoEvents()
                .expectResultMessagePayload(new Sealed(3, 1, root, true));
    }

    @Test
    void givenChunks_whenSealedWithAnotherCount_thenRejected() {
        fixture.given(bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK))
                .when(new SealBulkDisclosure(DISCLOSURE_ID, 4))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.SUBJECT_COUNT_MISMATCH, "subjectCount"))
                .expectExceptionMessage(containsString("3 are attached"));
    }

    @Test
    void givenOpenedBulkDisclosureWithoutChunks_whenSealed_thenRejected() {
        fixture.given(bulkDisclosureOpened())
                .when(new SealBulkDisclosure(DISCLOSURE_ID, 0))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.NO_SUBJECTS));
    }

    @Test
    void givenSealedDisclosure_whenSubjectsAttached_thenRejected() {
        fixture.given(sealedWithFirstChunk())
                .when(new AttachSubjects(DISCLOSURE_ID, 2, SECOND_CHUNK))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.ALREADY_SEALED));
    }

    @Test
    void givenSealedDisclosure_whenSealedAgainWithAnotherCount_thenRejected() {
        fixture.given(sealedWithFirstChunk())
                .when(new SealBulkDisclosure(DISCLOSURE_ID, 4))
                .expectNoEvents()
                .expectException(rejectedFor(Rejection.ALREADY_SEALED))
                .expectExceptionMessage(containsString("already sealed with 3 subjects"));
    }

    /**
     * The aggregate keeps a bulk disclosure's count and manifest frontier, not its subjects; what can be seen from
     * outside is that a later chunk is handled from the earlier chunks' events alone, at the right manifest index.
     */
    @Test
    void givenThreeChunksOfAThousand_whenFourthChunkAttached_thenItStartsAtManifestIndexThreeThousand() {
        List<PersonRef> fourth = people(3_001, 1_000);

        fixture.given(threeChunksOfAThousand())
                .when(new AttachSubjects(DISCLOSURE_ID, 4, fourth))
                .expectEvents(new BulkSubjectsAttached(DISCLOSURE_ID, 4, 3_000, fourth, chunkDigest(fourth), NOW))
                .expectResultMessagePayload(new ChunkAttached(4, 1_000, 4_000, false));
    }

    @Test
    void givenThreeChunksOfAThousand_whenSealed_thenRootCoversEverySubjectInOrder() {
        String root = ReferenceMerkleTree.rootHash(
                people(1, 3_000).stream().map(PersonRef::bytes).toList());

        fixture.given(threeChunksOfAThousand())
                .when(new SealBulkDisclosure(DISCLOSURE_ID, 3_000))
                .expectEvents(new BulkDisclosureSealed(DISCLOSURE_ID, 3_000, 3, root, NOW));
    }

    private static Object[] sealedWithFirstChunk() {
        String root = ReferenceMerkleTree.rootHash(
                FIRST_CHUNK.stream().map(PersonRef::bytes).toList());
        return new Object[] {
            bulkDisclosureOpened(), subjectsAttached(1, 0, FIRST_CHUNK), bulkDisclosureSealed(3, 1, root)
        };
    }

    private static Object[] threeChunksOfAThousand() {
        return new Object[] {
            bulkDisclosureOpened(),
            subjectsAttached(1, 0, people(1, 1_000)),
            subjectsAttached(2, 1_000, people(1_001, 1_000)),
            subjectsAttached(3, 2_000, people(2_001, 1_000))
        };
    }
}
