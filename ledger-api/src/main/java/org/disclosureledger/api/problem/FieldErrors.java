package org.disclosureledger.api.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * Collects the field errors of one request while its values are built, so that a caller learns about every wrong
 * field at once rather than one per attempt.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();
    private final String prefix;

    /** Errors of a whole request: fields named by the domain are used as they are. */
    public FieldErrors() {
        this("");
    }

    /** Errors of a nested part of a request, such as {@code corrections.}: fields named by the domain get the prefix. */
    public FieldErrors(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Builds a value; a validation failure becomes an error on the field the domain named, or on {@code field} when
     * it named none, and the result is null.
     */
    public <T> T value(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValue e) {
            add(prefix + e.field(), e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    /**
     * Builds a value from parts that were built before; if any error was recorded since {@code mark}, the parts are
     * incomplete and the value is not built (its own failure would only repeat theirs).
     */
    public <T> T composite(int mark, String field, Supplier<T> build) {
        if (errors.size() > mark) {
            return null;
        }
        return value(field, build);
    }

    /** The current error count, to pass to {@link #composite}. */
    public int mark() {
        return errors.size();
    }

    /** A required value: records an error when it is absent. */
    public <T> T required(String field, T value) {
        if (value == null) {
            add(field, field + " is required");
        }
        return value;
    }

    /** Parses an enum constant, listing the allowed values when the text is not one of them. */
    public <E extends Enum<E>> E enumValue(String field, String text, Class<E> type) {
        if (text == null) {
            add(field, field + " is required");
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            add(field, "'" + shorten(text) + "' is not one of " + allowed);
            return null;
        }
    }

    public void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** Adds the errors of a nested part. */
    public void addAll(FieldErrors nested) {
        errors.addAll(nested.errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws {@link InvalidRequest} carrying every error, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private static String shorten(String text) {
        String s = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
