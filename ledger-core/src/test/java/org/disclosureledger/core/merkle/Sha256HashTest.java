package org.disclosureledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A hash is 32 bytes, written one way in hex and one way in base64, and nobody can change it once made. */
class Sha256HashTest {

    private static final String HEX = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    @Test
    void hexAndBase64SpellTheSameBytes() {
        Sha256Hash hash = Sha256Hash.fromHex(HEX);

        assertThat(Sha256Hash.fromBase64(hash.base64())).isEqualTo(hash);
        assertThat(hash.base64()).isEqualTo("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");
        assertThat(Sha256Hash.fromHex(HEX.toUpperCase())).isEqualTo(hash);
        assertThat(hash).hasToString(HEX).hasSameHashCodeAs(Sha256Hash.fromHex(HEX));
    }

    @Test
    void theBytesAreCopiedInAndOut() {
        byte[] bytes = Sha256Hash.fromHex(HEX).bytes();
        Sha256Hash hash = new Sha256Hash(bytes);

        bytes[0] = 0;
        hash.bytes()[1] = 0;

        assertThat(hash.hex()).isEqualTo(HEX);
    }

    static Stream<Arguments> notAHash() {
        Supplier<Sha256Hash> shortBytes = () -> new Sha256Hash(new byte[31]);
        Supplier<Sha256Hash> shortHex = () -> Sha256Hash.fromHex(HEX.substring(2));
        Supplier<Sha256Hash> notHex = () -> Sha256Hash.fromHex(HEX.replace('5', 'g'));
        Supplier<Sha256Hash> unpadded = () -> Sha256Hash.fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg");
        Supplier<Sha256Hash> urlSafe = () -> Sha256Hash.fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz-Nw7_RgQyg=");
        Supplier<Sha256Hash> paddingBits = () -> Sha256Hash.fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=");
        Supplier<Sha256Hash> longBase64 =
                () -> Sha256Hash.fromBase64("AAAA" + "XcnaeacGWamtVZy3Ad7Zoqudgjqtl0lgz+Nw7/RgQyg=");
        return Stream.of(
                argumentSet("31 bytes", shortBytes),
                argumentSet("62 hex digits", shortHex),
                argumentSet("a letter that is not a hex digit", notHex),
                argumentSet("base64 without padding", unpadded),
                argumentSet("url-safe base64", urlSafe),
                argumentSet("base64 with padding bits set", paddingBits),
                argumentSet("base64 of 35 bytes", longBase64));
    }

    @ParameterizedTest
    @MethodSource("notAHash")
    void anythingButTheOneSpellingOf32BytesIsRefused(Supplier<Sha256Hash> parse) {
        assertThatThrownBy(parse::get)
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("hash"));
    }
}
