package org.disclosureledger.core.disclosure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The caller-chosen identifier of a follow-on (a correction, dispute, destruction request, certification or lift),
 * unique within its disclosure. As with {@link DisclosureId}, it makes a retried follow-on idempotent.
 */
public record FollowOnId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FollowOnId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a follow-on id is 1 to 100 letters, digits, '.', '_', ':' or '-',"
                    + " starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
