package org.disclosureledger.core.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryAccessTest {

    private static final AccessId ID = new AccessId("6d0c3f5e-8f1e-4f0b-9d8b-2a4c6e8f0a1b");
    private static final PersonRef PERSON = new PersonRef("ab".repeat(32));
    private static final Reader AUDITOR = new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR);
    private static final StatedPurpose PURPOSE = new StatedPurpose("Complaint 2025-118");
    private static final Instant AT = Instant.parse("2025-10-02T14:05:00Z");

    private FixtureConfiguration<HistoryAccess> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HistoryAccess.class);
    }

    @Test
    void givenNothing_whenAReadIsRecorded_thenHistoryAccessedWithWhoWhatWhenAndWhy() {
        fixture.givenNoPriorActivity()
                .when(new RecordHistoryAccess(ID, PERSON, AUDITOR, AccessedRecord.HISTORY, PURPOSE, AT))
                .expectEvents(new HistoryAccessed(ID, PERSON, AUDITOR, AccessedRecord.HISTORY, PURPOSE, AT));
    }

    @Test
    void givenAPurposeOverFiveHundredCharactersOrOnSeveralLines_whenMade_thenRefused() {
        assertThatThrownBy(() -> new StatedPurpose("x".repeat(501))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatedPurpose("line one\nline two")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatedPurpose(" ")).hasMessageContaining("required");
    }

    @Test
    void givenAReaderWithoutASubject_whenMade_thenRefused() {
        assertThatThrownBy(() -> new Reader("", ReaderRole.ADMIN)).hasMessageContaining("subject");
        assertThatThrownBy(() -> new Reader("someone", null)).hasMessageContaining("role");
    }
}
