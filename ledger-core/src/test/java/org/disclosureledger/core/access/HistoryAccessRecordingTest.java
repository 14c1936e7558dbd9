package org.disclosureledger.core.access;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.Test;

/** Recording a read of a person's records, once per access id. */
class HistoryAccessRecordingTest {

    static final AccessId ACCESS_ID = new AccessId("0b6e7c1e-3f0a-4c55-9a57-8f1d2c3b4a59");
    static final PersonRef PERSON = new PersonRef("ab".repeat(32));
    static final Reader AUDITOR = new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR);
    static final StatedPurpose PURPOSE = new StatedPurpose("Complaint 2025-118 from the enrollee");
    static final Instant ACCESSED_AT = Instant.parse("2025-10-02T14:05:00Z");

    private final AggregateTestFixture<HistoryAccess> fixture = new AggregateTestFixture<>(HistoryAccess.class);

    @Test
    void givenNoAccess_whenRecorded_thenHistoryAccessedWithWhoWhatWhenAndWhy() {
        fixture.givenNoPriorActivity()
                .when(new RecordHistoryAccess(
                        ACCESS_ID, PERSON, AUDITOR, AccessedRecord.FHIR_EXPORT, PURPOSE, ACCESSED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HistoryAccessed(
                        ACCESS_ID, PERSON, AUDITOR, AccessedRecord.FHIR_EXPORT, PURPOSE, ACCESSED_AT));
    }

    @Test
    void givenRecordedAccess_whenTheSameAccessIdIsRecordedAgain_thenRejectedAndNothingWritten() {
        fixture.given(new HistoryAccessed(ACCESS_ID, PERSON, AUDITOR, AccessedRecord.HISTORY, PURPOSE, ACCESSED_AT))
                .when(new RecordHistoryAccess(
                        ACCESS_ID,
                        PERSON,
                        new Reader("the enrollee", ReaderRole.ENROLLEE),
                        AccessedRecord.HISTORY,
                        new StatedPurpose("reading their own records"),
                        ACCESSED_AT.plusSeconds(60)))
                .expectNoEvents()
                .expectException(AccessAlreadyRecorded.class);
    }

    @Test
    void givenRecordedAccess_whenTheIdenticalCommandIsSentAgain_thenStillRejected() {
        fixture.given(new HistoryAccessed(ACCESS_ID, PERSON, AUDITOR, AccessedRecord.HISTORY, PURPOSE, ACCESSED_AT))
                .when(new RecordHistoryAccess(ACCESS_ID, PERSON, AUDITOR, AccessedRecord.HISTORY, PURPOSE, ACCESSED_AT))
                .expectNoEvents()
                .expectException(AccessAlreadyRecorded.class);
    }

    @Test
    void givenNoAccess_whenRecordedWithoutAPurpose_thenRejectedAndNothingWritten() {
        fixture.givenNoPriorActivity()
                .when(new RecordHistoryAccess(ACCESS_ID, PERSON, AUDITOR, AccessedRecord.HISTORY, null, ACCESSED_AT))
                .expectNoEvents()
                .expectException(NullPointerException.class);
    }
}
