package org.disclosureledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.watchdog.WatchdogCommand;

/**
 * A state auditor's watchdog ({@code ledger-watchdog}) run in this JVM against the test application, with its own
 * store and topics, printing into strings the test reads.
 */
final class Watchdog {

    private static final AtomicInteger groups = new AtomicInteger();

    /** A consumer group no watchdog used before. */
    static String newGroup() {
        return "e2e-watchdog-" + groups.incrementAndGet();
    }

    /** What one {@code follow} printed and how it ended. */
    record Run(int exitCode, List<String> lines, String err) {

        List<String> alerts() {
            return lines.stream().filter(l -> l.startsWith("ALERT")).toList();
        }

        /** The disclosure lines: {@code <time> <state> -> <recipient> <purpose> <kind> <disclosure id> ...}, split at spaces. */
        List<String[]> disclosureLines() {
            return lines.stream()
                    .map(l -> l.split(" "))
                    .filter(t -> t.length > 7 && "->".equals(t[2]))
                    .toList();
        }
    }

    private final String bootstrapServers;
    private final String topicPrefix;
    private final int ledgerPort;
    private final Path store;

    Watchdog(String bootstrapServers, String topicPrefix, int ledgerPort, Path store) {
        this.bootstrapServers = bootstrapServers;
        this.topicPrefix = topicPrefix;
        this.ledgerPort = ledgerPort;
        this.store = store;
    }

    /** Follows as consumer group {@code group} until nothing arrived for a few seconds, pinning the ledger's key. */
    Run followUntilIdle(String group) {
        String publicKey = new LedgerClient(ledgerPort)
                .get("/api/v1/ledger/public-key")
                .body()
                .strip();
        List<String> args = new ArrayList<>(List.of(
                "follow",
                "--bootstrap-server",
                bootstrapServers,
                "--ledger-url",
                "http://127.0.0.1:" + ledgerPort,
                "--public-key",
                publicKey,
                "--store",
                store.toString(),
                "--group",
                group,
                "--topic-prefix",
                topicPrefix,
                "--until-idle",
                "5s"));
        return run(args.toArray(String[]::new));
    }

    String summary() {
        Run run = run("summary", "--store", store.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return String.join("\n", run.lines());
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WatchdogCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString().lines().toList(), err.toString());
    }
}
