package org.disclosureledger.watchdog.bundle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an HTTP date (RFC 9110, section 5.6.7) in any of the three forms a recipient must accept: the IMF-fixdate
 * servers send today ({@code Sun, 06 Nov 1994 08:49:37 GMT}), and the obsolete RFC 850 ({@code Sunday, 06-Nov-94
 * 08:49:37 GMT}) and asctime ({@code Sun Nov  6 08:49:37 1994}) forms.
 */
final class HttpDate {

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern(
                    "EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HttpDate() {}

    /**
     * The instant a header value names, or empty when it is none of the three forms (or names a day of the week its
     * date does not fall on). An RFC 850 date's two-digit year is read as RFC 9110 asks: a year that would be more
     * than 50 years after {@code now} is the one a century before.
     */
    static Optional<Instant> parse(String value, Instant now) {
        for (DateTimeFormatter form : List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850(now), ASCTIME)) {
            try {
                return Optional.of(ZonedDateTime.parse(value, form).toInstant());
            } catch (DateTimeParseException notThisForm) {
                // the next form
            }
        }
        return Optional.empty();
    }

    /** RFC 850's form, its two-digit years read within the century that ends 50 years after {@code now}. */
    private static DateTimeFormatter rfc850(Instant now) {
        int latestYear = now.atOffset(ZoneOffset.UTC).getYear() + 50;
        return new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(latestYear - 99, 1, 1))
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
    }
}
