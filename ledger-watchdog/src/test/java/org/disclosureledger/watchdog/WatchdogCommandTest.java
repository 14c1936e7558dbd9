package org.disclosureledger.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.disclosureledger.watchdog.follow.LineFormat;
import org.disclosureledger.watchdog.store.WatchdogStore;
import org.disclosureledger.watchdog.stream.DisclosureMessage;
import org.disclosureledger.watchdog.stream.MessageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing the command line, and the one-line error each kind of bad input gets (exit 2, nothing on stdout). */
class WatchdogCommandTest {

    private static final TestLedger LEDGER = new TestLedger();

    @TempDir
    Path dir;

    /** A follow command line that is complete, with {@code changes} (option, value pairs) replacing or adding. */
    private static String[] follow(String... changes) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--bootstrap-server", "127.0.0.1:9");
        options.put("--ledger-url", "http://127.0.0.1:" + closedPort());
        options.put("--public-key", LEDGER.verifierKey());
        for (int i = 0; i < changes.length; i += 2) {
            options.put(changes[i], changes[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of("follow"));
        options.forEach((option, value) -> args.addAll(List.of(option, value)));
        return args.toArray(String[]::new);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("no subcommand", new String[] {}, "a subcommand is required"),
                Arguments.of("an unknown subcommand", new String[] {"watch"}, "Unmatched argument"),
                Arguments.of(
                        "no bootstrap server",
                        new String[] {"follow", "--ledger-url", "http://x", "--public-key", "k"},
                        "Missing required option: '--bootstrap-server=HOST:PORT'"),
                Arguments.of(
                        "no public key",
                        new String[] {"follow", "--bootstrap-server", "h:1", "--ledger-url", "http://x"},
                        "Missing required argument"),
                Arguments.of("two public keys", follow("--public-key-file", "/tmp/key"), "mutually exclusive"),
                Arguments.of("a bad duration", follow("--until-idle", "soon"), "'soon' is not a duration"),
                Arguments.of("an unknown state", follow("--state", "ZZ"), "'ZZ' is not the USPS code"),
                Arguments.of("a bad recipient", follow("--recipient", "US DHS"), "an agency id is"),
                Arguments.of("an unknown purpose", follow("--purpose", "SPYING"), "'SPYING' is not a purpose code"),
                Arguments.of("an unknown category", follow("--category", "DNA"), "'DNA' is not a data category"),
                Arguments.of(
                        "a bootstrap server without port",
                        follow("--bootstrap-server", "localhost"),
                        "--bootstrap-server must be HOST:PORT"),
                Arguments.of(
                        "an unreadable public key",
                        new String[] {
                            "follow",
                            "--bootstrap-server",
                            "h:1",
                            "--ledger-url",
                            "http://x",
                            "--public-key",
                            "nonsense"
                        },
                        "unreadable public key"),
                Arguments.of(
                        "a public key file that does not exist",
                        new String[] {
                            "follow",
                            "--bootstrap-server",
                            "h:1",
                            "--ledger-url",
                            "http://x",
                            "--public-key-file",
                            "/nonexistent/key"
                        },
                        "cannot read the public key file /nonexistent/key"),
                Arguments.of("a ledger URL that is not http", follow("--ledger-url", "ftp://x"), "must be http://"),
                Arguments.of(
                        "an unreachable ledger", follow(), "/api/v1/ledger: connection refused or host unreachable"),
                Arguments.of("an empty topic prefix", follow("--topic-prefix", " "), "a topic prefix is"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void givenBadInput_thenOneLineOnStderrAndExitTwo(String name, String[] args, String message) {
        Cli cli = Cli.run(args);

        assertThat(cli.exitCode()).isEqualTo(WatchdogCommand.ERROR);
        assertThat(cli.errLines())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .contains(message);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void givenNoStore_whenSummaryRuns_thenItSaysThereIsNone() {
        Cli cli = Cli.run("summary", "--store", dir.resolve("none").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.errLines()).singleElement().asString().contains("no watchdog store in");
    }

    @Test
    void givenAStoreWithEvents_whenSummaryRuns_thenItTotalsTheMatchingOnes() throws Exception {
        MessageReader reader = new MessageReader(TestLedger.ORIGIN);
        try (WatchdogStore store = WatchdogStore.open(dir, true)) {
            keep(
                    store,
                    reader.disclosure(Messages.recorded("ca-1", 0, LEDGER.append("a"), 3, "CA", "us-dhs-ice")
                            .bytes()),
                    true);
            keep(
                    store,
                    reader.disclosure(Messages.recorded("ca-2", 1, LEDGER.append("b"), 4, "CA", "us-irs")
                            .bytes()),
                    true);
            keep(
                    store,
                    reader.disclosure(
                            Messages.disputed("ca-1", 2, LEDGER.append("c"), 1).bytes()),
                    true);
            keep(
                    store,
                    reader.disclosure(Messages.recorded("ny-1", 3, LEDGER.append("d"), 100, "NY", "us-dhs-ice")
                            .bytes()),
                    false);
            store.putMeta("filters", "state=CA");
            store.addAlarm("SEQUENCE_GAP", "ALERT SEQUENCE_GAP something", 0);
            store.commit();
        }

        Cli summary = Cli.run("summary", "--store", dir.toString());

        assertThat(summary.err()).isEmpty();
        assertThat(summary.exitCode()).isZero();
        assertThat(summary.outLines())
                .contains(
                        "store: " + dir + " (filters: state=CA)",
                        "checkpoint held: none",
                        "events received: 4 (verified 0, pending 4, failed 0); matching the filters: 3",
                        "disclosures: 2",
                        "  by custodian state: CA 2",
                        "  by recipient: us-dhs-ice 1, us-irs 1",
                        "  by purpose: LAW 2",
                        "people affected: 7",
                        "follow-ons: disputed 1",
                        "alerts: 1 raised, 0 findings from the alerts topic, 0 messages kept aside (unreadable or conflicting)");

        Cli alerts = Cli.run("alerts", "--store", dir.toString());
        assertThat(alerts.exitCode()).isZero();
        assertThat(alerts.outLines()).containsExactly("ALERT SEQUENCE_GAP something");
    }

    @Test
    void givenAnEmptyStore_whenAlertsRuns_thenItSaysThereAreNone() {
        WatchdogStore.open(dir, true).close();

        assertThat(Cli.run("alerts", "--store", dir.toString()).outLines())
                .containsExactly("no alarms and no findings");
    }

    @Test
    void helpListsTheSubcommands() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("follow").contains("summary").contains("alerts");
    }

    @Test
    void aPublicKeyFileIsReadWithItsTrailingNewline() throws IOException {
        Path key = Files.writeString(dir.resolve("key"), LEDGER.verifierKey() + "\n");

        Cli cli = Cli.run(
                "follow",
                "--bootstrap-server",
                "127.0.0.1:9",
                "--ledger-url",
                "http://127.0.0.1:" + closedPort(),
                "--public-key-file",
                key.toString());

        assertThat(cli.errLines()).singleElement().asString().contains("cannot use the ledger at");
    }

    private static void keep(WatchdogStore store, DisclosureMessage m, boolean matched) {
        store.addEvent(m, matched, LineFormat.line(m), 0, "t/0@" + m.ledgerIndex());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
