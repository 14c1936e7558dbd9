package org.disclosureledger.core.jurisdiction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * The two-letter USPS code of a state, the District of Columbia or a territory with a Medicaid program, such as
 * {@code CA} or {@code PR}. Written in capitals; lower-case input is rejected rather than guessed at.
 */
public record StateCode(@JsonValue String code) {

    private static final Set<String> KNOWN = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
            "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
            "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP",
            "PR", "VI");

    /** The longest refused value an error message repeats. */
    private static final int MOST_SHOWN = 3;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StateCode {
        if (!isKnown(code)) {
            throw new IllegalArgumentException(refusal(code, true));
        }
    }

    /**
     * A person's state, as sent beside their Medicaid id. Refused without repeating what was sent, however short:
     * where fields were mixed up (a CSV line's columns swapped, say) it may be the person's Medicaid id or SSN.
     */
    public static StateCode ofPerson(String code) {
        if (!isKnown(code)) {
            throw new IllegalArgumentException(refusal(code, false));
        }
        return new StateCode(code);
    }

    /** Whether the code names a state, DC or a territory; for validating input before constructing. */
    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }

    /** Why {@code code} is refused, naming it ({@link #shown}) only when {@code named}. */
    private static String refusal(String code, boolean named) {
        if (code == null || code.isBlank()) {
            return "a state code is required (two capital letters, such as CA)";
        }
        return (named ? shown(code) + " is " : "")
                + "not the USPS code of a US state, DC or a territory (two capital letters, such as CA or PR)";
    }

    /**
     * The refused value as an error message may show it: quoted when it is as short as a mistyped code, otherwise only
     * its length, since a longer value in a state's place is most likely another field (a Medicaid id or an SSN in a
     * CSV line whose columns were swapped) and must not be repeated.
     */
    private static String shown(String value) {
        if (value.length() > MOST_SHOWN) {
            return "a value of " + value.length() + " characters";
        }
        return "'" + value.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }

    @Override
    public String toString() {
        return code;
    }
}
