package org.disclosureledger.core.subject;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HexFormat;

/**
 * The ledger's only name for an enrollee: 64 lower-case hex digits, the HMAC-SHA256 of the normalised state and
 * Medicaid id under the ledger's pseudonymisation key. Without the key it cannot be turned back into an identifier.
 */
public record PersonRef(@JsonValue String value) {

    private static final int LENGTH = 64;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PersonRef {
        if (!isLowerHex(value)) {
            throw new IllegalArgumentException("a person reference is 64 lower-case hex digits");
        }
    }

    // By hand rather than by regular expression: every event read back builds one per subject, 10,000 per bulk chunk.
    private static boolean isLowerHex(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** The 32 bytes of the pseudonym; they are the leaf data of a bulk disclosure's manifest tree. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
