package org.disclosureledger.core.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why the reader read, in their words, shown to the person: one line of at most 500 characters. */
public record StatedPurpose(@JsonValue String text) {

    public static final int MAX_LENGTH = 500;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StatedPurpose {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a stated purpose is required");
        }
        if (text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a stated purpose is one line of at most " + MAX_LENGTH + " characters");
        }
    }
}
