package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class StoredTimeTest {

    @Test
    void givenTimesAsAxonWritesThem_whenRead_thenEachIsTheInstantAxonReads() {
        Random random = new Random(20261207);
        // From 0001-01-01 to 9999-12-31, with 3 to 9 digits of a second.
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant time = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)));
            String fraction =
                    String.format("%09d", random.nextInt(1_000_000_000)).substring(0, 3 + i % 7);
            String stored =
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)) + "." + fraction + "Z";

            assertThat(StoredTime.readLayout(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
            assertThat(StoredTime.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        Instant now = Instant.now();
        String written = DateTimeUtils.formatInstant(now);
        assertThat(StoredTime.parse(written)).as(written).isEqualTo(DateTimeUtils.parseInstant(written));
    }

    @Test
    void givenTimesAtTheEdgesOfTheLayout_whenRead_thenAsAxonReadsThem() {
        for (String stored : List.of(
                "1970-01-01T00:00:00.000Z",
                "1969-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00.5000Z",
                "2025-06-15T10:02:11.400Z",
                "2025-12-31T23:59:59.123456Z")) {
            assertThat(StoredTime.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void givenTimesInAnotherLayout_whenRead_thenAxonsParserReadsThem() {
        for (String stored : List.of(
                "2025-06-15T12:02:11.400+02:00",
                "2025-06-15T10:02:11Z",
                "2025-06-15T10:02:11.4Z",
                "2025-06-15T10:02:11.40Z",
                "2025-06-15t10:02:11.400z")) {
            assertThat(StoredTime.readLayout(stored)).as(stored).isNull();
            assertThat(StoredTime.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void givenTextThatIsNoTime_whenRead_thenRefusedAsAxonRefusesIt() {
        for (String stored : List.of(
                "2025-02-29T10:02:11.400Z",
                "2025-13-15T10:02:11.400Z",
                "2025-06-15T24:00:00.000Z",
                "2025-06-15T10:60:11.400Z",
                "2025-06-30T23:59:60.000Z",
                "2025-06-15T10:02:11.4x0Z",
                "2025-06-15T10:02:11.4000000000Z",
                "+2025-06-15T10:02:11.400Z",
                "2025-06-15 10:02:11.400Z",
                "")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored))
                    .as(stored)
                    .isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> StoredTime.parse(stored)).as(stored).isInstanceOf(DateTimeParseException.class);
        }
    }
}
