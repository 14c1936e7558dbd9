package org.disclosureledger.core.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A person reference is a pseudonym: 64 lower-case hex digits, nothing else. */
class PersonRefTest {

    private static final String VALID = "6d687a9f62c4ba4b9797cc19da3a2665b472da340274ed88baf4ec66ce9c0ceb";

    @Test
    void aPseudonymOf64LowerCaseHexDigitsIsAccepted() {
        assertThat(new PersonRef(VALID)).hasToString(VALID);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                argumentSet("missing", (String) null),
                argumentSet("empty", ""),
                argumentSet("63 digits", VALID.substring(1)),
                argumentSet("65 digits", VALID + "0"),
                argumentSet("upper case", VALID.toUpperCase()),
                argumentSet("not hex", "g" + VALID.substring(1)),
                argumentSet("a Medicaid id", "AB123456"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void anythingElseIsRefused(String value) {
        assertThatThrownBy(() -> new PersonRef(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("person reference");
    }

    @Test
    void itsBytesAreTheThirtyTwoBytesOfTheHash() {
        assertThat(new PersonRef(VALID).bytes()).isEqualTo(HexFormat.of().parseHex(VALID));
    }
}
