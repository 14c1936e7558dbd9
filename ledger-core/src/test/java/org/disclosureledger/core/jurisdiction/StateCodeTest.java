package org.disclosureledger.core.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A state code names a state, DC or a territory with a Medicaid program, in capitals. */
class StateCodeTest {

    static Stream<Arguments> known() {
        return Stream.of(
                argumentSet("a state", "CA"),
                argumentSet("another state", "NY"),
                argumentSet("the District of Columbia", "DC"),
                argumentSet("Puerto Rico", "PR"),
                argumentSet("Guam", "GU"),
                argumentSet("the US Virgin Islands", "VI"),
                argumentSet("American Samoa", "AS"),
                argumentSet("the Northern Mariana Islands", "MP"));
    }

    @ParameterizedTest
    @MethodSource("known")
    void knownCodesAreAccepted(String code) {
        assertThat(new StateCode(code)).hasToString(code);
        assertThat(StateCode.isKnown(code)).isTrue();
    }

    static Stream<Arguments> unknown() {
        return Stream.of(
                argumentSet("missing", null, "state code is required"),
                argumentSet("empty", "", "state code is required"),
                argumentSet("blank", "  ", "state code is required"),
                argumentSet("lower case", "ca", "USPS code"),
                argumentSet("no such state", "XX", "USPS code"),
                argumentSet("a foreign country", "UK", "USPS code"),
                argumentSet("three letters", "CAL", "USPS code"),
                argumentSet("one letter", "C", "USPS code"),
                argumentSet("padded", " CA", "USPS code"));
    }

    @ParameterizedTest
    @MethodSource("unknown")
    void unknownCodesAreRefusedWithAnExample(String code, String message) {
        assertThatThrownBy(() -> new StateCode(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("CA");
        assertThat(StateCode.isKnown(code)).isFalse();
    }

    @Test
    void aShortRefusedCodeIsQuotedWithoutControlCharacters() {
        assertThatThrownBy(() -> new StateCode("C\nA"))
                .hasMessageStartingWith("'C?A' is not the USPS code")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @MethodSource("unknown")
    void aPersonsRefusedStateIsNeverRepeated(String code, String message) {
        assertThatThrownBy(() -> StateCode.ofPerson(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("'");
        assertThat(StateCode.ofPerson("CA")).isEqualTo(new StateCode("CA"));
    }

    @Test
    void aLongerRefusedValueIsNotRepeated() {
        // A Medicaid id or an SSN where the state belongs, as a CSV line with its columns swapped would give.
        assertThatThrownBy(() -> new StateCode("QX71942"))
                .hasMessageStartingWith("a value of 7 characters is not the USPS code")
                .hasMessageNotContaining("QX")
                .hasMessageNotContaining("719");
    }
}
