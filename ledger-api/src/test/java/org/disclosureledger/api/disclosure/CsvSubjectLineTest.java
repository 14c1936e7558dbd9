package org.disclosureledger.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.disclosureledger.api.problem.FieldError;
import org.disclosureledger.api.problem.InvalidRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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
        assertThat(subject.medicaidId()).isEqualTo(medicaidId);
        assertThat(subject.ssn()).isEqualTo(ssn);
    }

    private static final String FIELD_COUNT =
            "expected 2 or 3 comma-separated fields (state,medicaidId or state,medicaidId,ssn), found ";

    static Stream<Arguments> malformed() {
        return Stream.of(
                argumentSet("one field", "SECRET1", FIELD_COUNT + 1),
                argumentSet("four fields", "CA,SECRET1,1,2", FIELD_COUNT + 4),
                argumentSet(
                        "a quote left open",
                        "CA,\"SECRET1",
                        "a quoted field is not closed (a field cannot span lines in a chunk)"),
                argumentSet(
                        "text after a closing quote",
                        "CA,\"SECRET\"1",
                        "a quoted field must be followed by a comma or the end of the line"),
                argumentSet(
                        "a quote inside an unquoted field",
                        "CA,SEC\"RET1",
                        "a double quote may only appear inside a field enclosed in double quotes, doubled"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedLineIsRefusedWithAReasonThatDoesNotRepeatIt(String line, String reason) {
        assertThatThrownBy(() -> CsvSubjectLine.subject("line 7", line))
                .isInstanceOf(InvalidRequest.class)
                .satisfies(e ->
                        assertThat(((InvalidRequest) e).errors()).containsExactly(new FieldError("line 7", reason)));
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
