package org.disclosureledger.core.subject;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    private static final int MAX_MEDICAID_ID = 32;
    private static final Pattern SSN = Pattern.compile("\\d{9}");

    private final SecretKeySpec key;

    public Pseudonymiser(byte[] key) {
        if (key == null || key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the pseudonymisation key must be at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    // A Mac per thread: looking one up and keying it cost more than the HMAC itself on a bulk upload's million ids.
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * The enrollee's pseudonym. Fails, without echoing the identifier, when the Medicaid id is not usable.
     */
    public PersonRef pseudonymise(StateCode state, String medicaidId) {
        String normalised = normaliseMedicaidId(medicaidId);
        byte[] digest = macs.get().doFinal(("v1|" + state.code() + "|" + normalised).getBytes(StandardCharsets.UTF_8));
        return new PersonRef(HexFormat.of().formatHex(digest));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The Medicaid id as it is hashed; fails with a message that does not repeat the input. */
    public static String normaliseMedicaidId(String medicaidId) {
        if (medicaidId == null || medicaidId.isBlank()) {
            throw new InvalidValue("medicaidId", "medicaidId is required");
        }
        // By hand rather than by regular expression, as it runs once per subject of a bulk upload: drops what the
        // pattern [\s-] matches, accepts only ASCII letters and digits (checked before upper-casing, see above).
        StringBuilder compact = new StringBuilder(Math.min(medicaidId.length(), MAX_MEDICAID_ID));
        for (int i = 0; i < medicaidId.length(); i++) {
            char c = medicaidId.charAt(i);
            if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                continue;
            }
            boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit || compact.length() == MAX_MEDICAID_ID) {
                throw invalidMedicaidId();
            }
            compact.append(c >= 'a' ? (char) (c - ('a' - 'A')) : c);
        }
        if (compact.isEmpty()) {
            throw invalidMedicaidId();
        }
        return compact.toString();
    }

    private static InvalidValue invalidMedicaidId() {
        return new InvalidValue(
                "medicaidId", "medicaidId must be 1 to 32 letters and digits (spaces and hyphens are ignored)");
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
