package org.disclosureledger.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.disclosureledger.api.problem.InvalidRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How one line of a CSV chunk becomes a subject, or a one-line error that names the line and not its values. */
class CsvSubjectLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "CA,X1              | CA   | X1     | null",
                "CA,X1,123-45-6789  | CA   | X1     | 123-45-6789",
                "CA,X1,             | CA   | X1     | null",
                "\"CA\",\"X,1\"     | CA   | X,1    | null",
                "CA,\"X\"\"1\"      | CA   | X\"1   | null",
                "CA,\"\"            | CA   | null   | null",
                ",X1                | null | X1     | null",
                "CA, X1             | CA   | ' X1'  | null"
            })
    void fieldsAreReadAsRfc4180SaysAndEmptyOnesAreAbsent(String line, String state, String medicaidId, String ssn) {
        SubjectIdentifier subject = CsvSubjectLine.subject("line 1", line.strip());

        assertThat(subject.state()).isEqualTo(state);
        assertThat(subject.medicaidId()).isEqualTo(medicaidId == null ? null : medicaidId.replace("'", ""));
        assertThat(subject.ssn()).isEqualTo(ssn);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SECRET1                | expected 2 or 3 comma-separated fields (state,medicaidId or state,medicaidId,ssn), found 1",
                "CA,SECRET1,1,2         | expected 2 or 3 comma-separated fields (state,medicaidId or state,medicaidId,ssn), found 4",
                "CA,\"SECRET1           | a quoted field is not closed (a field cannot span lines in a chunk)",
                "CA,\"SECRET\"1         | a quoted field must be followed by a comma or the end of the line",
                "CA,SEC\"RET1           | a double quote may only appear inside a field enclosed in double quotes, doubled"
            })
    void aMalformedLineIsRefusedWithoutRepeatingIt(String line, String reason) {
        assertThatThrownBy(() -> CsvSubjectLine.subject("line 7", line.strip()))
                .isInstanceOf(InvalidRequest.class)
                .satisfies(e -> {
                    InvalidRequest refused = (InvalidRequest) e;
                    assertThat(refused.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("line 7");
                        assertThat(error.reason()).isEqualTo(reason).doesNotContain("SECRET");
                    });
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"state,medicaidId", "State,MedicaidId,SSN", "\"state\",\"medicaid_id\"", " state , medicaidId"})
    void aLineNamingTheColumnsIsAHeader(String line) {
        assertThat(CsvSubjectLine.isHeader(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CA,X1", "state", "state,medicaidId,ssn,extra", "medicaidId,state", "state,\"medicaidId"})
    void otherLinesAreNotHeaders(String line) {
        assertThat(CsvSubjectLine.isHeader(line)).isFalse();
    }
}
