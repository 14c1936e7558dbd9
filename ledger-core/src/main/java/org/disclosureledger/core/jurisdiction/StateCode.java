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

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StateCode {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a state code is required (two capital letters, such as CA)");
        }
        if (!KNOWN.contains(code)) {
            throw new IllegalArgumentException("'" + printable(code) + "' is not the USPS code of a US state,"
                    + " DC or a territory (two capital letters, such as CA or PR)");
        }
    }

    /** Whether the code names a state, DC or a territory; for validating input before constructing. */
    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }

    private static String printable(String s) {
        String trimmed = s.length() > 8 ? s.substring(0, 8) + "..." : s;
        return trimmed.replaceAll("[^\\x20-\\x7e]", "?");
    }

    @Override
    public String toString() {
        return code;
    }
}
