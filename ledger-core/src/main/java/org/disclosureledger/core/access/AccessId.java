package org.disclosureledger.core.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The identifier of one recorded read, chosen by the reader's side (a random UUID), so a retry is the same read. */
public record AccessId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AccessId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an access id is 1 to 100 letters, digits, '.', '_', ':' or '-',"
                    + " starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
