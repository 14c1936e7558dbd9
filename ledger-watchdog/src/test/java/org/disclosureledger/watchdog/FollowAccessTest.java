package org.disclosureledger.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.watchdog.store.WatchdogStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code follow} receiving reads of people's records ({@code history-accessed}) among disclosures, from a real Kafka
 * broker and a test ledger: each read is proven included like any entry and printed as an {@code ACCESS} line
 * whatever the filters, counts as no disclosure, and fills its ledger index, so no entry is reported missing.
 */
class FollowAccessTest {

    @TempDir
    Path store;

    private final TestLedger ledger = new TestLedger();
    private StreamFixture stream;
    private URI ledgerUrl;

    @BeforeEach
    void start() throws Exception {
        stream = new StreamFixture();
        ledgerUrl = ledger.serve();
    }

    @AfterEach
    void stop() {
        stream.close();
        ledger.stop();
    }

    @Test
    void givenReadsAmongDisclosures_whenFollowed_thenEachIsVerifiedAndPrintedAndNoneCountsAsADisclosure()
            throws Exception {
        stream.disclosure(recorded("ca-1", "CA"));
        access("read-1", "Complaint 2025-118");
        stream.disclosure(recorded("ny-1", "NY"));
        access("read-2", "Audit of \"ICE\" requests");
        stream.checkpoint(4, ledger.checkpoint(4));

        Cli run = follow("--state", "CA", "--group", "auditor-ca");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.outLines())
                .containsExactlyInAnyOrder(
                        "2025-06-15T10:02:11Z CA -> us-dhs-ice LAW recorded ca-1 1 person ADDRESS,NAME,SSN #0",
                        "2025-06-15T10:02:11Z ACCESS AUDITOR auditor-ca@example.gov read HISTORY"
                                + " \"Complaint 2025-118\" #1",
                        "2025-06-15T10:02:11Z ACCESS AUDITOR auditor-ca@example.gov read HISTORY"
                                + " \"Audit of \"ICE\" requests\" #3");
        try (WatchdogStore kept = WatchdogStore.open(store, false)) {
            assertThat(kept.summary().eventsReceived()).isEqualTo(4);
            assertThat(kept.summary().verified())
                    .as("reads are proven included too")
                    .isEqualTo(4);
        }
        assertThat(Cli.run("summary", "--store", store.toString()).outLines())
                .contains(
                        "events received: 4 (verified 4, pending 0, failed 0); matching the filters: 1",
                        "disclosures: 1");
        assertThat(Cli.run("alerts", "--store", store.toString()).outLines())
                .noneMatch(line -> line.startsWith("ALERT"));
    }

    @Test
    void givenAReadWhoseLeafHashIsNotTheLedgers_whenFollowed_thenItsInclusionFails() throws Exception {
        stream.disclosure(recorded("ca-1", "CA"));
        long index = ledger.size();
        ledger.append("entry " + index);
        Sha256Hash forged = ledger.leafHash(0);
        stream.send(
                stream.topics.disclosures(),
                "read-forged",
                Messages.accessed("event-" + index, "read-forged", index, forged, "Audit"));
        stream.checkpoint(2, ledger.checkpoint(2));

        Cli run = follow("--group", "auditor");

        assertThat(run.exitCode()).isEqualTo(WatchdogCommand.ALARM);
        assertThat(run.outLines())
                .filteredOn(line -> line.startsWith("ALERT"))
                .singleElement()
                .asString()
                .startsWith("ALERT INCLUSION_FAILED")
                .contains("event-1");
    }

    private void access(String accessId, String purpose) throws Exception {
        long index = ledger.size();
        Sha256Hash leaf = ledger.append("entry " + index);
        stream.send(
                stream.topics.disclosures(),
                accessId,
                Messages.accessed("event-" + index, accessId, index, leaf, purpose.replace("\"", "\\\"")));
    }

    private Messages.Disclosure recorded(String disclosureId, String state) {
        long index = ledger.size();
        return Messages.recorded(disclosureId, index, ledger.append("entry " + index), 1, state, "us-dhs-ice");
    }

    private Cli follow(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "follow",
                "--bootstrap-server",
                stream.bootstrap,
                "--ledger-url",
                ledgerUrl.toString(),
                "--public-key",
                ledger.verifierKey(),
                "--store",
                store.toString(),
                "--topic-prefix",
                stream.prefix,
                "--until-idle",
                "3s"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }
}
