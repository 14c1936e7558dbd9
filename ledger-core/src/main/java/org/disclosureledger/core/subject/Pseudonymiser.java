package org.disclosureledger.core.subject;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * Turns an enrollee's state and Medicaid id into their {@link PersonRef}. This is the one place raw identifiers are
 * handled; nothing derived from them but the keyed pseudonym leaves it.
 *
 * <p>Normalisation (documented in {@code docs/pseudonyms.md}): the Medicaid id loses spaces and hyphens and is
 * upper-cased; it must then be 1 to 32 letters and digits. The HMAC-SHA256 input is the UTF-8 text
 * {@code "v1|" + STATE + "|" + MEDICAID_ID}.
 */
public final class Pseudonymiser {

    private static final int MINIMUM_KEY_BYTES = 32;
    // Checked before upper-casing, which turns some non-ASCII letters into ASCII ones (U+017F, long s, into S) and
    // would give two different ids the same pseudonym.
    private static final Pattern MEDICAID_ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern SSN = Pattern.compile("\\d{9}");

    private final SecretKeySpec key;

    public Pseudonymiser(byte[] key) {
        if (key == null || key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the pseudonymisation key must be at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /**
     * The enrollee's pseudonym. Fails, without echoing the identifier, when the Medicaid id is not usable.
     */
    public PersonRef pseudonymise(StateCode state, String medicaidId) {
        String normalised = normaliseMedicaidId(medicaidId);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("v1|" + state.code() + "|" + normalised).getBytes(StandardCharsets.UTF_8));
            return new PersonRef(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The Medicaid id as it is hashed; fails with a message that does not repeat the input. */
    public static String normaliseMedicaidId(String medicaidId) {
        if (medicaidId == null || medicaidId.isBlank()) {
            throw new InvalidValue("medicaidId", "medicaidId is required");
        }
        String compact = medicaidId.replaceAll("[\\s-]", "");
        if (!MEDICAID_ID.matcher(compact).matches()) {
            throw new InvalidValue(
                    "medicaidId",
                    "medicaidId must be 1 to 32 letters and digits (spaces and hyphens" + " are ignored)");
        }
        return compact.toUpperCase(Locale.ROOT);
    }

    /**
     * Checks an optional SSN's shape. The SSN is never stored or hashed: the pseudonym rests on the state and Medicaid
     * id alone, so a caller that sends one learns only whether it was well formed.
     */
    public static void checkSsn(String ssn) {
        if (ssn == null) {
            return;
        }
        if (!SSN.matcher(ssn.replace("-", "")).matches()) {
            throw new InvalidValue("ssn", "ssn must be nine digits, with or without hyphens");
        }
    }
}
