package org.disclosureledger.core.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The caller-chosen identifier of a disclosure, such as {@code ca-dhcs-2025-06-0001}. Choosing it on the caller's
 * side is what makes retries idempotent: the same id with the same content is the same disclosure.
 */
public record DisclosureId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DisclosureId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a disclosure id is required");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a disclosure id is 1 to 100 letters, digits, '.', '_', ':' or '-',"
                    + " starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
