package org.disclosureledger.core.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An enrollee's pseudonym is the keyed HMAC of "v1|STATE|MEDICAIDID", after normalising the Medicaid id. */
class PseudonymiserTest {

    private static final byte[] KEY = bytes(0, 32);
    private static final StateCode CA = new StateCode("CA");

    private final Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

    /** Computed with Python's hmac module: hmac.new(bytes(range(32)), b"v1|CA|AB123456", "sha256"). */
    @Test
    void thePseudonymIsTheHmacOfTheVersionStateAndMedicaidId() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("v1|CA|AB123456".getBytes(StandardCharsets.UTF_8)));

        assertThat(pseudonymiser.pseudonymise(CA, "AB123456").value())
                .isEqualTo(expected)
                .isEqualTo("6d687a9f62c4ba4b9797cc19da3a2665b472da340274ed88baf4ec66ce9c0ceb");
    }

    static Stream<Arguments> spellings() {
        return Stream.of(
                argumentSet("as issued", "AB123456"),
                argumentSet("lower case", "ab123456"),
                argumentSet("mixed case", "aB123456"),
                argumentSet("with hyphens", "AB-123-456"),
                argumentSet("with spaces", "AB 123 456"),
                argumentSet("padded", "  AB123456 "),
                argumentSet("with a tab", "AB\t123456"),
                argumentSet("hyphens, spaces and case together", " ab-123 456 "));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void everySpellingOfAMedicaidIdGivesTheSamePseudonym(String medicaidId) {
        assertThat(pseudonymiser.pseudonymise(CA, medicaidId)).isEqualTo(pseudonymiser.pseudonymise(CA, "AB123456"));
        assertThat(Pseudonymiser.normaliseMedicaidId(medicaidId)).isEqualTo("AB123456");
    }

    @Test
    void theSameMedicaidIdInAnotherStateIsAnotherPerson() {
        assertThat(pseudonymiser.pseudonymise(new StateCode("NY"), "AB123456"))
                .isNotEqualTo(pseudonymiser.pseudonymise(CA, "AB123456"))
                .hasToString("7be5d2bda26e3ceb51594873b9b045992ecffda8e1761d313ab0055b3fd4d900");
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        Pseudonymiser other = new Pseudonymiser(bytes(1, 32));

        assertThat(other.pseudonymise(CA, "AB123456")).isNotEqualTo(pseudonymiser.pseudonymise(CA, "AB123456"));
    }

    @Test
    void changingTheKeyArrayAfterwardsDoesNotChangeThePseudonyms() {
        byte[] key = bytes(0, 32);
        Pseudonymiser own = new Pseudonymiser(key);
        key[0] = 42;

        assertThat(own.pseudonymise(CA, "AB123456")).isEqualTo(pseudonymiser.pseudonymise(CA, "AB123456"));
    }

    static Stream<Arguments> weakKeys() {
        return Stream.of(
                argumentSet("no key", (byte[]) null),
                argumentSet("31 bytes", bytes(0, 31)),
                argumentSet("empty", new byte[0]));
    }

    @ParameterizedTest
    @MethodSource("weakKeys")
    void aKeyShorterThan32BytesIsRefused(byte[] key) {
        assertThatThrownBy(() -> new Pseudonymiser(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void aKeyOf32BytesIsEnough() {
        assertThatCode(() -> new Pseudonymiser(bytes(7, 32))).doesNotThrowAnyException();
    }

    static Stream<Arguments> unusableMedicaidIds() {
        return Stream.of(
                argumentSet("missing", null, "medicaidId is required"),
                argumentSet("empty", "", "medicaidId is required"),
                argumentSet("blank", "   ", "medicaidId is required"),
                argumentSet("only hyphens", "--", "medicaidId must be"),
                argumentSet("with a sign", "AB#123456", "medicaidId must be"),
                argumentSet("with an underscore", "AB_123456", "medicaidId must be"),
                argumentSet("with a letter outside A-Z", "ÄB123456", "medicaidId must be"),
                argumentSet("with a long s, which upper-cases to S", "AB\u017f123456", "medicaidId must be"),
                argumentSet("with a sharp s, which upper-cases to SS", "AB\u00df123456", "medicaidId must be"),
                argumentSet("with a dotless i, which upper-cases to I", "\u0131D123456", "medicaidId must be"),
                argumentSet("33 characters", "A".repeat(33), "medicaidId must be"),
                argumentSet("an SSN with slashes", "123/45/6789", "medicaidId must be"));
    }

    @ParameterizedTest
    @MethodSource("unusableMedicaidIds")
    void anUnusableMedicaidIdIsRefusedWithoutRepeatingIt(String medicaidId, String message) {
        assertThatThrownBy(() -> pseudonymiser.pseudonymise(CA, medicaidId))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("medicaidId"))
                .hasMessageStartingWith(message)
                .satisfies(e -> {
                    if (medicaidId != null && !medicaidId.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(medicaidId.strip());
                    }
                });
    }

    @Test
    void aMedicaidIdOf32CharactersIsAccepted() {
        assertThat(Pseudonymiser.normaliseMedicaidId("a".repeat(32))).isEqualTo("A".repeat(32));
    }

    static Stream<Arguments> wellFormedSsns() {
        return Stream.of(
                argumentSet("absent", (String) null),
                argumentSet("nine digits", "123456789"),
                argumentSet("with hyphens", "123-45-6789"));
    }

    @ParameterizedTest
    @MethodSource("wellFormedSsns")
    void aWellFormedSsnPassesTheCheck(String ssn) {
        assertThatCode(() -> Pseudonymiser.checkSsn(ssn)).doesNotThrowAnyException();
    }

    static Stream<Arguments> malformedSsns() {
        return Stream.of(
                argumentSet("eight digits", "12345678"),
                argumentSet("ten digits", "1234567890"),
                argumentSet("letters", "12345678X"),
                argumentSet("with spaces", "123 45 6789"));
    }

    @ParameterizedTest
    @MethodSource("malformedSsns")
    void aMalformedSsnIsRefusedWithoutRepeatingIt(String ssn) {
        assertThatThrownBy(() -> Pseudonymiser.checkSsn(ssn))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("ssn"))
                .hasMessageNotContaining(ssn);
    }

    private static byte[] bytes(int first, int count) {
        byte[] bytes = new byte[count];
        IntStream.range(0, count).forEach(i -> bytes[i] = (byte) (first + i));
        return bytes;
    }
}
