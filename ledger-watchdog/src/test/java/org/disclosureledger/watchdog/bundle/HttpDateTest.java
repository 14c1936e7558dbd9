package org.disclosureledger.watchdog.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpDateTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    static Stream<Arguments> dates() {
        Instant rfcExample = Instant.parse("1994-11-06T08:49:37Z");
        return Stream.of(
                argumentSet("IMF-fixdate", "Sun, 06 Nov 1994 08:49:37 GMT", Optional.of(rfcExample)),
                argumentSet("RFC 850", "Sunday, 06-Nov-94 08:49:37 GMT", Optional.of(rfcExample)),
                argumentSet(
                        "asctime, a day below 10 padded with a space",
                        "Sun Nov  6 08:49:37 1994",
                        Optional.of(rfcExample)),
                argumentSet(
                        "asctime, a two-digit day",
                        "Sat Dec 05 10:02:00 2026",
                        Optional.of(Instant.parse("2026-12-05T10:02:00Z"))),
                argumentSet(
                        "RFC 850, a year up to 50 years ahead stays ahead",
                        "Friday, 06-Nov-76 00:00:00 GMT",
                        Optional.of(Instant.parse("2076-11-06T00:00:00Z"))),
                argumentSet(
                        "RFC 850, a year more than 50 years ahead is a century before",
                        "Sunday, 06-Nov-77 00:00:00 GMT",
                        Optional.of(Instant.parse("1977-11-06T00:00:00Z"))),
                argumentSet(
                        "RFC 850, a date in the year 50 years ahead but more than 50 years ahead is a century before",
                        "Friday, 31-Dec-76 00:00:00 GMT",
                        Optional.of(Instant.parse("1976-12-31T00:00:00Z"))),
                argumentSet(
                        "RFC 850, that date with the day it would have 50 years ahead",
                        "Thursday, 31-Dec-76 00:00:00 GMT",
                        Optional.empty()),
                argumentSet(
                        "asctime, a day of the week the date does not fall on",
                        "Mon Nov  6 08:49:37 1994",
                        Optional.empty()),
                argumentSet(
                        "RFC 850, a day that month does not have", "Sunday, 31-Nov-94 08:49:37 GMT", Optional.empty()),
                argumentSet(
                        "a day of the week the date does not fall on",
                        "Mon, 06 Nov 1994 08:49:37 GMT",
                        Optional.empty()),
                argumentSet(
                        "RFC 850 with the day the year would have a century later",
                        "Saturday, 06-Nov-76 00:00:00 GMT",
                        Optional.empty()),
                argumentSet("not GMT", "Sunday, 06-Nov-94 08:49:37 PST", Optional.empty()),
                argumentSet("ISO 8601", "1994-11-06T08:49:37Z", Optional.empty()),
                argumentSet("words", "tomorrow", Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("dates")
    void readsTheThreeFormsRfc9110AsksRecipientsToAccept(String value, Optional<Instant> expected) {
        assertThat(HttpDate.parse(value, NOW)).isEqualTo(expected);
    }
}
