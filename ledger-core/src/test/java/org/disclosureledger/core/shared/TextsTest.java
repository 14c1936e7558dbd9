package org.disclosureledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Free-text fields: trimmed, bounded, free of control characters, and failing with the field's name. */
class TextsTest {

    private static final int LIMIT = 10;

    static Stream<Arguments> accepted() {
        return Stream.of(
                argumentSet("plain", "Officer", "Officer"),
                argumentSet("padded", "  Officer \n", "Officer"),
                argumentSet("over lines, with a tab", "one\n\ttwo", "one\n\ttwo"),
                argumentSet("not ASCII", "Año Fiscal", "Año Fiscal"),
                argumentSet("exactly the limit", "x".repeat(LIMIT), "x".repeat(LIMIT)),
                argumentSet("the limit once trimmed", "  " + "x".repeat(LIMIT) + "  ", "x".repeat(LIMIT)));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void requiredTextIsTrimmed(String text, String expected) {
        assertThat(Texts.required("field", text, LIMIT)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void optionalTextIsTrimmed(String text, String expected) {
        assertThat(Texts.optional("field", text, LIMIT)).isEqualTo(expected);
    }

    static Stream<Arguments> missing() {
        return Stream.of(argumentSet("null", (String) null), argumentSet("empty", ""), argumentSet("blank", " \n\t "));
    }

    @ParameterizedTest
    @MethodSource("missing")
    void missingRequiredTextIsRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> Texts.required("field", text, LIMIT))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("field"))
                .hasMessage("field is required");
    }

    @ParameterizedTest
    @MethodSource("missing")
    void missingOptionalTextIsAbsent(String text) {
        assertThat(Texts.optional("field", text, LIMIT)).isNull();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                argumentSet("one over the limit", "x".repeat(LIMIT + 1), "field is longer than 10 characters"),
                argumentSet("a NUL", "a\u0000b", "field contains control characters"),
                argumentSet("a carriage return", "a\rb", "field contains control characters"),
                argumentSet("an escape sequence", "a\u001b[2Jb", "field contains control characters"),
                argumentSet("a DEL", "a\u007fb", "field contains control characters"),
                argumentSet("a C1 control", "a\u0085b", "field contains control characters"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedRequiredTextIsRefusedNamingTheField(String text, String message) {
        assertThatThrownBy(() -> Texts.required("field", text, LIMIT))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("field"))
                .hasMessage(message);
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedOptionalTextIsRefusedNamingTheField(String text, String message) {
        assertThatThrownBy(() -> Texts.optional("field", text, LIMIT))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("field"))
                .hasMessage(message);
    }
}
