package org.disclosureledger.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key texts are read as Go's {@code sumdb/note} reads them ({@code TestNewVerifier}, {@code TestNewSigner}): any
 * mangling of a valid key is refused, naming the field, and a signer key's secret never appears in a message. The
 * Ed25519 underneath is the JDK's, checked against RFC 8032 section 7.1, test 1.
 */
class KeyTextTest {

    private static final String SEED_TEXT = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    @Test
    void theJdkEd25519GivesRfc8032Test1() {
        HexFormat hex = HexFormat.of();
        byte[] seed = hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

        byte[] publicKey = Ed25519.publicKeyOf(seed);
        byte[] signature = Ed25519.sign(Ed25519.privateKey(seed), new byte[0]);

        assertThat(hex.formatHex(publicKey))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(hex.formatHex(signature))
                .isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
                        + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void everyPartOfAVerifierKeyAndEveryChangedCharacterIsRefused() {
        String key = SignedNoteTest.PETER_VERIFIER_KEY;
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    assertRefused(key.substring(i, j), false);
                }
            }
        }
        for (int i = 0; i < key.length(); i++) {
            assertRefused(key.substring(0, i) + (char) (key.charAt(i) + 1) + key.substring(i + 1), false);
        }
    }

    @Test
    void everyPartOfASignerKeyAndEveryChangedCharacterIsRefusedWithoutShowingTheSecret() {
        String key = SignedNoteTest.PETER_SIGNER_KEY;
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    assertRefused(key.substring(i, j), true);
                }
            }
        }
        for (int i = 0; i < key.length(); i++) {
            assertRefused(key.substring(0, i) + (char) (key.charAt(i) + 1) + key.substring(i + 1), true);
        }
    }

    private static void assertRefused(String text, boolean signer) {
        Throwable refusal = catchThrowable(() -> {
            if (signer) {
                NoteSigner.fromSignerKey(text);
            } else {
                NoteVerifier.fromVerifierKey(text);
            }
        });

        assertThat(refusal).as(text).isInstanceOf(InvalidValue.class);
        assertThat(((InvalidValue) refusal).field()).isEqualTo(signer ? "signerKey" : "verifierKey");
        assertThat(refusal.getMessage()).doesNotContain(SEED_TEXT.substring(4, 20));
    }

    static Stream<Arguments> badVerifierKeys() {
        return Stream.of(
                argumentSet(
                        "wrong key length in base64 with stray bits, with its key id adjusted (Go)",
                        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
                        "not canonical"),
                argumentSet(
                        "key of 33 bytes",
                        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA==",
                        "not 32"),
                argumentSet(
                        "unknown algorithm, with its key id adjusted (Go)",
                        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                        "signature type 0x01"),
                argumentSet(
                        "key id of another key",
                        "PeterNeumann+af0cfe78+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                        "key id"),
                argumentSet(
                        "key id too short",
                        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                        "8 hex"),
                argumentSet("no key", "PeterNeumann+c74f20a3", "<name>"),
                argumentSet(
                        "key name with a space",
                        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                        "key name"));
    }

    @ParameterizedTest
    @MethodSource("badVerifierKeys")
    void aBadVerifierKeyIsRefusedSayingWhatIsWrong(String key, String explanation) {
        assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(key))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining(explanation);
    }

    static Stream<Arguments> badSeeds() {
        return Stream.of(
                argumentSet("31-byte seed", "ledger.example", new byte[31], "seed"),
                argumentSet("key name with a plus sign", "ledger+example", new byte[32], "keyName"),
                argumentSet("empty key name", "", new byte[32], "keyName"));
    }

    @ParameterizedTest
    @MethodSource("badSeeds")
    void aSignerNeedsAValidNameAnd32ByteSeed(String keyName, byte[] seed, String field) {
        assertThatThrownBy(() -> NoteSigner.fromSeed(keyName, seed))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
