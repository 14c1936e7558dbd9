package org.disclosureledger.projections.stream;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the time the event store wrote for an event. Axon writes it in one layout, UTC with 3 to 9 digits of a second
 * ({@code 2025-06-15T10:02:11.400Z}); that layout is read here digit by digit, and any other text by Axon's own
 * parser, which takes any offset. Axon's parser goes through {@code java.time}'s general one, which was an eighth of
 * the relay's work.
 */
final class StoredTime {

    // 2025-06-15T10:02:11.400Z, up to 2025-06-15T10:02:11.400000000Z
    private static final int SHORTEST = 24;
    private static final int LONGEST = 30;
    private static final int FRACTION = 20;

    private StoredTime() {}

    /**
     * The instant a stored time stands for.
     *
     * @throws java.time.format.DateTimeParseException if it is not a time Axon's parser reads
     */
    static Instant parse(String stored) {
        Instant read = readLayout(stored);
        return read != null ? read : DateTimeUtils.parseInstant(stored);
    }

    /** The instant, if the text is in the layout Axon writes and a valid time; otherwise null (left to Axon). */
    static Instant readLayout(String text) {
        int length = text.length();
        if (length < SHORTEST
                || length > LONGEST
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(19) != '.'
                || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = digits(text, FRACTION, length - 1);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
            return null;
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        int nanos = fraction;
        for (int digits = length - 1 - FRACTION; digits < 9; digits++) {
            nanos *= 10;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number the characters from {@code start} to {@code end} (exclusive) spell; -1 if one is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
