package org.disclosureledger.projections.investigation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one investigation: a random UUID given when it is defined. */
public record InvestigationId(@JsonValue String value) {

    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public InvestigationId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an investigation id is a lower-case UUID, not '" + value + "'");
        }
    }

    /** A new, random id. */
    public static InvestigationId random() {
        return new InvestigationId(UUID.randomUUID().toString());
    }
}
