package org.disclosureledger.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.watchdog.store.WatchdogStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code follow} against a real Kafka broker (the shared test broker) and a ledger API served on 127.0.0.1 by a test
 * ledger whose proofs ledger-core computes. Messages are built with the CloudEvents SDK exactly as docs/stream.md
 * describes them.
 */
class FollowAgainstKafkaTest {

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

    private Messages.Disclosure recorded(String disclosureId, String state, int people) {
        long index = ledger.size();
        return Messages.recorded(disclosureId, index, ledger.append("entry " + index), people, state, "us-dhs-ice");
    }

    private Messages.Disclosure disputed(String disclosureId, long seq) {
        long index = ledger.size();
        return Messages.disputed(disclosureId, index, ledger.append("entry " + index), seq);
    }

    @Test
    void followPrintsMatchingDisclosuresOnceVerifiesThemAndNeverReportsThemAgain() throws Exception {
        Messages.Disclosure ca1 = recorded("ca-1", "CA", 3);
        Messages.Disclosure ca1Dispute = disputed("ca-1", 1);
        Messages.Disclosure ny1 = recorded("ny-1", "NY", 50);
        Messages.Disclosure ca2 = recorded("ca-2", "CA", 1);
        for (Messages.Disclosure m : List.of(ca1, ca1Dispute, ny1, ca2)) {
            stream.disclosure(m);
        }
        stream.disclosure(ca1Dispute);
        stream.checkpoint(4, ledger.checkpoint(4));

        Cli first = follow("--state", "CA", "--group", "auditor-ca");

        assertThat(first.err()).isEmpty();
        assertThat(first.exitCode()).isZero();
        assertThat(first.outLines())
                .containsExactlyInAnyOrder(
                        "2025-06-15T10:02:11Z CA -> us-dhs-ice LAW recorded ca-1 3 people ADDRESS,NAME,SSN #0",
                        "2025-06-15T10:02:11Z CA -> us-dhs-ice LAW disputed ca-1 ADDRESS,NAME,SSN #1",
                        "2025-06-15T10:02:11Z CA -> us-dhs-ice LAW recorded ca-2 1 person ADDRESS,NAME,SSN #3");
        try (WatchdogStore kept = WatchdogStore.open(store, false)) {
            assertThat(kept.summary().eventsReceived()).isEqualTo(4);
            assertThat(kept.summary().verified()).isEqualTo(4);
            assertThat(kept.summary().peopleAffected()).isEqualTo(4);
        }

        Messages.Disclosure ca3 = recorded("ca-3", "CA", 2);
        stream.disclosure(ca3);
        stream.checkpoint(5, ledger.checkpoint(5));

        Cli second = follow("--state", "ca", "--group", "auditor-ca");

        assertThat(second.exitCode()).isZero();
        assertThat(second.outLines())
                .containsExactly(
                        "2025-06-15T10:02:11Z CA -> us-dhs-ice LAW recorded ca-3 2 people ADDRESS,NAME,SSN #4");

        Cli everythingAgain = follow("--state", "CA", "--group", "auditor-ca-replay");

        assertThat(everythingAgain.exitCode()).isZero();
        assertThat(everythingAgain.out())
                .as("a replay from the earliest offset is absorbed")
                .isEmpty();

        Cli summary = Cli.run("summary", "--store", store.toString());
        assertThat(summary.outLines())
                .contains(
                        "checkpoint held: tree size 5, root " + ledger.root(5),
                        "events received: 5 (verified 5, pending 0, failed 0); matching the filters: 4",
                        "disclosures: 3",
                        "people affected: 6",
                        "follow-ons: disputed 1",
                        "alerts: 0 raised, 0 findings from the alerts topic, 0 messages kept aside (unreadable or conflicting)");
    }

    @Test
    void givenDisclosuresFollowedByState_whenCorrectionsMoveThemInAndOut_thenEachIsFollowedWhole() throws Exception {
        Messages.Disclosure ca1 = recorded("ca-1", "CA", 3);
        Messages.Disclosure ny1 = recorded("ny-1", "NY", 50);
        long index = ledger.size();
        Messages.Disclosure ca1ToTexas = Messages.corrected("ca-1", index, ledger.append("entry " + index), 1, "TX");
        index = ledger.size();
        Messages.Disclosure ny1ToCalifornia =
                Messages.corrected("ny-1", index, ledger.append("entry " + index), 1, "CA");
        for (Messages.Disclosure m : List.of(ca1, ny1, ca1ToTexas, ny1ToCalifornia)) {
            stream.disclosure(m);
        }
        stream.checkpoint(4, ledger.checkpoint(4));

        Cli run = follow("--state", "CA");

        assertThat(run.exitCode()).isZero();
        // The two disclosures may be on different partitions, read in either order; each one's lines are in order.
        assertThat(run.outLines())
                .filteredOn(line -> line.contains(" ca-1 "))
                .containsExactly(
                        "2025-06-15T10:02:11Z CA -> us-dhs-ice LAW recorded ca-1 3 people ADDRESS,NAME,SSN #0",
                        "2025-06-15T10:02:11Z TX -> us-dhs-ice LAW corrected ca-1 fields custodian ADDRESS,NAME,SSN #2");
        assertThat(run.outLines())
                .filteredOn(line -> line.contains(" ny-1 "))
                .containsExactly(
                        "2025-06-15T10:02:11Z NY -> us-dhs-ice LAW recorded ny-1 50 people ADDRESS,NAME,SSN #1",
                        "2025-06-15T10:02:11Z CA -> us-dhs-ice LAW corrected ny-1 fields custodian ADDRESS,NAME,SSN #3");
        assertThat(run.outLines()).hasSize(4);
        assertThat(Cli.run("summary", "--store", store.toString()).outLines())
                .contains(
                        "events received: 4 (verified 4, pending 0, failed 0); matching the filters: 4",
                        "disclosures: 2",
                        "  by custodian state: CA 1, TX 1",
                        "people affected: 53",
                        "follow-ons: corrected 2");
    }

    @Test
    void followRaisesAlarmsForAForgedCheckpointAMissingIndexAndAnUnreadableMessageThenExitsOne() throws Exception {
        Messages.Disclosure first = recorded("ca-1", "CA", 3);
        Messages.Disclosure lost = recorded("ca-2", "CA", 1);
        Messages.Disclosure third = recorded("ca-3", "CA", 2);
        stream.disclosure(first);
        stream.disclosure(third);
        byte[] garbage = "{\"not\": \"a cloudevent\"".getBytes(StandardCharsets.UTF_8);
        RecordMetadata unreadable = stream.send(stream.topics.disclosures(), "x", garbage);
        NoteSigner forger = NoteSigner.fromSeed(TestLedger.ORIGIN, TestLedger.seed(99));
        stream.checkpoint(3, forger.sign(new Checkpoint(TestLedger.ORIGIN, 3, ledger.root(3))));
        stream.checkpoint(3, ledger.checkpoint(3));
        Messages.Disclosure impostor = new Messages.Disclosure(
                "impostor",
                first.kind(),
                "ca-1",
                0,
                first.leafHash(),
                0,
                "CA",
                "us-dhs-ice",
                "LAW",
                "NAME",
                "{\"disclosureId\":\"ca-1\",\"subjectCount\":1}");
        // Keyed like the event it contradicts, so it lands after it on the same partition.
        stream.disclosure(impostor);

        Cli run = follow("--group", "auditor");

        assertThat(run.exitCode()).isEqualTo(WatchdogCommand.ALARM);
        String where = stream.topics.disclosures() + "/" + unreadable.partition() + "@" + unreadable.offset();
        assertThat(run.outLines())
                .filteredOn(line -> line.startsWith("ALERT"))
                .hasSize(4)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("ALERT INDEX_CONFLICT event impostor at " + stream.topics.disclosures())
                        .endsWith("claims ledger index 0 (leaf hash " + first.leafHash() + "), already held by event"
                                + " event-0; kept aside"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("ALERT UNREADABLE_MESSAGE message at " + where + " kept aside: not a CloudEvent"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("ALERT BAD_SIGNATURE checkpoint for tree size 3 at " + stream.topics.checkpoints()
                                + "/0@0 is refused"))
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo("ALERT MISSING_ENTRIES 1 ledger index below the verified tree size 3 never"
                                + " arrived: 1"));
        try (WatchdogStore kept = WatchdogStore.open(store, false)) {
            assertThat(kept.unreadableRaw(stream.topics.disclosures(), unreadable.partition(), unreadable.offset()))
                    .hasValueSatisfying(raw -> assertThat(raw).isEqualTo(garbage));
        }
        assertThat(Cli.run("alerts", "--store", store.toString()).outLines())
                .hasSize(4)
                .allMatch(line -> line.startsWith("ALERT "));

        stream.disclosure(lost);
        Cli afterwards = follow("--group", "auditor");

        assertThat(afterwards.exitCode()).as("nothing new is wrong").isZero();
        assertThat(afterwards.outLines())
                .containsExactly(
                        "2025-06-15T10:02:11Z CA -> us-dhs-ice LAW recorded ca-2 1 person ADDRESS,NAME,SSN #1");

        Cli replay = follow("--group", "auditor-replay");

        assertThat(replay.exitCode()).as("a full replay raises nothing again").isZero();
        assertThat(replay.out()).isEmpty();
        assertThat(Cli.run("alerts", "--store", store.toString()).outLines()).hasSize(4);
    }

    @Test
    void aWrongBootstrapAddressIsOneLineAndExitTwo() {
        Cli run = Cli.run(
                "follow",
                "--bootstrap-server",
                "127.0.0.1:" + closedPort(),
                "--ledger-url",
                ledgerUrl.toString(),
                "--public-key",
                ledger.verifierKey(),
                "--store",
                store.toString(),
                "--connect-timeout",
                "3s");

        assertThat(run.exitCode()).isEqualTo(WatchdogCommand.ERROR);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("error: cannot reach a Kafka broker at 127.0.0.1:")
                .endsWith("within 3 s");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownTopicIsOneLineAndExitTwo() {
        Cli run = Cli.run(
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
                stream.prefix + "-nothing");

        assertThat(run.exitCode()).isEqualTo(WatchdogCommand.ERROR);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .isEqualTo("error: topics " + stream.prefix + "-nothing.disclosures, " + stream.prefix
                        + "-nothing.checkpoints, " + stream.prefix + "-nothing.alerts do not exist on the Kafka broker"
                        + " at " + stream.bootstrap + " (is --topic-prefix right?)");
    }

    @Test
    void givenFollowRunningWithoutAnEnd_whenItIsTerminated_thenItStopsCleanlyWithItsOffsetsCommitted()
            throws Exception {
        Messages.Disclosure ca1 = recorded("ca-1", "CA", 3);
        Messages.Disclosure ca2 = recorded("ca-2", "CA", 4);
        stream.disclosure(ca1);
        stream.disclosure(ca2);
        stream.checkpoint(2, ledger.checkpoint(2));
        Path errors = store.resolveSibling(store.getFileName() + "-stderr.txt");
        Process follow = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        WatchdogCommand.class.getName(),
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
                        "--group",
                        "interrupted")
                .redirectError(errors.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8))
                        .lines()
                        .forEach(lines::add));
        reader.start();
        List<String> seen = new ArrayList<>();
        while (seen.size() < 2) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("a line from the running follow, after " + seen).isNotNull();
            seen.add(line);
        }

        follow.destroy();

        assertThat(follow.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
        reader.join(5_000);
        assertThat(seen).allMatch(line -> line.contains(" recorded ca-"));
        assertThat(Files.readString(errors)).doesNotContain("error");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stream.bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("interrupted")
                    .partitionsToOffsetAndMetadata()
                    .get();
            long disclosuresCommitted = committed.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(stream.topics.disclosures()))
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
            assertThat(disclosuresCommitted).isEqualTo(2);
            assertThat(committed
                            .get(new TopicPartition(stream.topics.checkpoints(), 0))
                            .offset())
                    .isEqualTo(1);
        }
        try (WatchdogStore kept = WatchdogStore.open(store, false)) {
            assertThat(kept.summary().eventsReceived()).isEqualTo(2);
        }
    }

    @Test
    void givenALedgerServingAnotherKeyThanThePinnedOne_whenFollowRuns_thenItAlarms() throws Exception {
        stream.disclosure(recorded("ca-1", "CA", 3));
        stream.checkpoint(1, ledger.checkpoint(1));
        NoteSigner pinned = NoteSigner.fromSeed(TestLedger.ORIGIN, TestLedger.seed(3));

        Cli run = Cli.run(
                "follow",
                "--bootstrap-server",
                stream.bootstrap,
                "--ledger-url",
                ledgerUrl.toString(),
                "--public-key",
                pinned.verifierKey(),
                "--store",
                store.toString(),
                "--topic-prefix",
                stream.prefix,
                "--until-idle",
                "3s");

        assertThat(run.exitCode()).isEqualTo(WatchdogCommand.ALARM);
        assertThat(run.outLines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("ALERT KEY_MISMATCH the ledger at " + ledgerUrl + " serves public key "
                                + ledger.verifierKey()))
                .anySatisfy(line -> assertThat(line).startsWith("ALERT BAD_SIGNATURE checkpoint for tree size 1"))
                .contains("PENDING 1 event not yet covered by a verified checkpoint");
    }

    @Test
    void givenAStoreThatFollowsAnotherLedger_whenFollowRuns_thenItRefusesInOneLine() throws Exception {
        assertThat(follow().exitCode()).isZero();
        NoteSigner otherKey = NoteSigner.fromSeed(TestLedger.ORIGIN, TestLedger.seed(11));

        Cli run = Cli.run(
                "follow",
                "--bootstrap-server",
                stream.bootstrap,
                "--ledger-url",
                ledgerUrl.toString(),
                "--public-key",
                otherKey.verifierKey(),
                "--store",
                store.toString(),
                "--topic-prefix",
                stream.prefix,
                "--until-idle",
                "3s");

        assertThat(run.exitCode()).isEqualTo(WatchdogCommand.ERROR);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .isEqualTo("error: the store in " + store + " follows the ledger with key " + ledger.verifierKey()
                        + ", not " + otherKey.verifierKey() + "; give another --store");
    }

    @Test
    void findingsFromTheAlertsTopicArePrintedAndKeptForTheirState() throws Exception {
        stream.send(stream.topics.alerts(), "ca-1", finding("finding-1", "ca-1", "CA"));
        stream.send(stream.topics.alerts(), "ny-1", finding("finding-2", "ny-1", "NY"));
        stream.send(stream.topics.alerts(), "ca-1", finding("finding-1", "ca-1", "CA"));

        Cli run = follow("--state", "CA");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines())
                .containsExactly("FINDING 2025-06-15T10:02:11Z org.disclosureledger.finding.test.v1 ca-1");
        assertThat(Cli.run("alerts", "--store", store.toString()).outLines())
                .containsExactly("FINDING 2025-06-15T10:02:11Z org.disclosureledger.finding.test.v1 ca-1");
    }

    private static byte[] finding(String id, String disclosureId, String state) {
        return new JsonFormat()
                .serialize(CloudEventBuilder.v1()
                        .withId(id)
                        .withSource(URI.create(TestLedger.ORIGIN))
                        .withType("org.disclosureledger.finding.test.v1")
                        .withSubject(disclosureId)
                        .withTime(Messages.TIME)
                        .withExtension(StreamAttributes.CUSTODIAN_STATE, state)
                        .build());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
