package org.disclosureledger.core.subject;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The ledger's only name for an enrollee: 64 lower-case hex digits, the HMAC-SHA256 of the normalised state and
 * Medicaid id under the ledger's pseudonymisation key. Without the key it cannot be turned back into an identifier.
 */
public record PersonRef(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PersonRef {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a person reference is 64 lower-case hex digits");
        }
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
