package org.disclosureledger.core.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A stable identifier for a receiving agency, written in lower case with hyphens, such as {@code us-dhs-ice}.
 * Summaries and watchdog filters group by it, so the same agency must always carry the same id.
 */
public record AgencyId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AgencyId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an agency id is required, such as us-dhs-ice");
        }
        if (value.length() > 64 || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "an agency id is 1 to 64 lower-case letters, digits and single" + " hyphens, such as us-dhs-ice");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
