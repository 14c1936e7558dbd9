package org.disclosureledger.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.watchdog.follow.LineFormat;
import org.disclosureledger.watchdog.stream.DisclosureMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineFormatTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RECORDED|3||2025-06-15T10:02:11Z CA -> us-dhs-ice LAW recorded ca-dhcs-2025-06-0001 3 people"
                        + " NAME,ADDRESS,SSN #12",
                "RECORDED|1||2025-06-15T10:02:11Z CA -> us-dhs-ice LAW recorded ca-dhcs-2025-06-0001 1 person"
                        + " NAME,ADDRESS,SSN #12",
                "BULK_SUBJECTS_ATTACHED|1000|chunk 2|2025-06-15T10:02:11Z CA -> us-dhs-ice LAW bulk-subjects-attached"
                        + " ca-dhcs-2025-06-0001 1000 people chunk 2 NAME,ADDRESS,SSN #12",
                "DESTRUCTION_REQUESTED||due 2026-01-01|2025-06-15T10:02:11Z CA -> us-dhs-ice LAW destruction-requested"
                        + " ca-dhcs-2025-06-0001 due 2026-01-01 NAME,ADDRESS,SSN #12",
                "DISPUTED|||2025-06-15T10:02:11Z CA -> us-dhs-ice LAW disputed ca-dhcs-2025-06-0001"
                        + " NAME,ADDRESS,SSN #12"
            })
    void aDisclosureEventReadsAsOneLine(StreamKind kind, Long people, String detail, String expected) {
        DisclosureMessage m = new DisclosureMessage(
                "e-1",
                kind,
                "ca-dhcs-2025-06-0001",
                "2025-06-15T10:02:11Z",
                12,
                MerkleTree.leafHash(new byte[] {1}),
                0,
                "CA",
                "us-dhs-ice",
                "LAW",
                List.of("NAME", "ADDRESS", "SSN"),
                people == null ? OptionalLong.empty() : OptionalLong.of(people),
                detail == null ? "" : detail);

        assertThat(LineFormat.line(m)).isEqualTo(expected);
    }
}
