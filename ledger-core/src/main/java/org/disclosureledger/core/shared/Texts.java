package org.disclosureledger.core.shared;

/** Shared checks for the short free-text fields of the domain's values. */
public final class Texts {

    private Texts() {}

    /** Returns the trimmed text, or fails naming the field when it is missing, blank or too long. */
    public static String required(String field, String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidValue(field, field + " is required");
        }
        return bounded(field, text.strip(), maxLength);
    }

    /** Returns the trimmed text, null when absent or blank, or fails naming the field when it is too long. */
    public static String optional(String field, String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return bounded(field, text.strip(), maxLength);
    }

    private static String bounded(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new InvalidValue(field, field + " is longer than " + maxLength + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidValue(field, field + " contains control characters");
        }
        return text;
    }
}
