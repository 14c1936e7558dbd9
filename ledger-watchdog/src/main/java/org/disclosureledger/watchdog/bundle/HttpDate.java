package org.disclosureledger.watchdog.bundle;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTTP date (RFC 9110, section 5.6.7) in any of the three forms a recipient must accept: the IMF-fixdate
 * servers send today ({@code Sun, 06 Nov 1994 08:49:37 GMT}), and the obsolete RFC 850 form ({@code Sunday,
 * 06-Nov-94 08:49:37 GMT}) and asctime form ({@code Sun Nov 6 08:49:37 1994}, a day below 10 padded with a space).
 */
final class HttpDate {

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern(
                    "EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final Pattern RFC_850 =
            Pattern.compile("([A-Z][a-z]+day), (\\d{2})-([A-Z][a-z]{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");

    private HttpDate() {}

    /**
     * The instant a header value names, or empty when it cannot be read as one of the three forms or names a day of the
     * week its date does not fall on. (The IMF-fixdate is read by {@link DateTimeFormatter#RFC_1123_DATE_TIME}, which
     * also takes a one-digit day, a numeric offset or no day of the week.)
     */
    static Optional<Instant> parse(String value, Instant now) {
        for (DateTimeFormatter form : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, ASCTIME}) {
            try {
                return Optional.of(ZonedDateTime.parse(value, form).toInstant());
            } catch (DateTimeParseException notThisForm) {
                // the next form
            }
        }
        return rfc850(value, now);
    }

    /**
     * An RFC 850 date, its two-digit year read as RFC 9110 asks: in the hundred years that end 50 years after
     * {@code now}'s year, except that a timestamp more than 50 years after {@code now} is the one a century before.
     */
    private static Optional<Instant> rfc850(String value, Instant now) {
        Matcher date = RFC_850.matcher(value);
        if (!date.matches()) {
            return Optional.empty();
        }
        ZonedDateTime utcNow = now.atZone(ZoneOffset.UTC);
        int latestYear = utcNow.getYear() + 50;
        int year = latestYear - Math.floorMod(latestYear - Integer.parseInt(date.group(4)), 100);
        try {
            LocalDateTime at = dateIn(year, date);
            if (at.atZone(ZoneOffset.UTC).isAfter(utcNow.plusYears(50))) {
                at = dateIn(year - 100, date);
            }
            DayOfWeek day = at.getDayOfWeek();
            if (!day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equals(date.group(1))) {
                return Optional.empty();
            }
            return Optional.of(at.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException | IllegalArgumentException notADate) {
            return Optional.empty();
        }
    }

    /** The RFC 850 date's day, month and time in the given year; throws if that year has no such day. */
    private static LocalDateTime dateIn(int year, Matcher date) {
        return LocalDateTime.of(
                year,
                monthNamed(date.group(3)),
                Integer.parseInt(date.group(2)),
                Integer.parseInt(date.group(5)),
                Integer.parseInt(date.group(6)),
                Integer.parseInt(date.group(7)));
    }

    private static Month monthNamed(String name) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(name)) {
                return month;
            }
        }
        throw new IllegalArgumentException("no month " + name);
    }
}
