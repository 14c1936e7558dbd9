package org.disclosureledger.watchdog.follow;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.watchdog.Durations;
import org.disclosureledger.watchdog.WatchdogCommand;
import org.disclosureledger.watchdog.WatchdogError;
import org.disclosureledger.watchdog.check.AlarmKind;
import org.disclosureledger.watchdog.check.HttpLedgerClient;
import org.disclosureledger.watchdog.check.LedgerChecks;
import org.disclosureledger.watchdog.check.LedgerClient;
import org.disclosureledger.watchdog.store.WatchdogStore;
import org.disclosureledger.watchdog.stream.MessageReader;
import org.disclosureledger.watchdog.stream.Topics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger-watchdog follow}: subscribe, check, keep and print (see the package summary). */
@Command(
        name = "follow",
        mixinStandardHelpOptions = true,
        description = "Follow the watchdog stream: print matching disclosures and ALERT lines, keep them in the store.")
public final class FollowCommand implements Callable<Integer> {

    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:\\d{1,5}(,[^\\s:,]+:\\d{1,5})*");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--bootstrap-server",
            required = true,
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap server(s), comma-separated.")
    String bootstrapServer;

    @Option(names = "--ledger-url", required = true, paramLabel = "URL", description = "The ledger's base URL.")
    URI ledgerUrl;

    @ArgGroup(exclusive = true, multiplicity = "1")
    PinnedKey pinnedKey;

    static final class PinnedKey {
        @Option(
                names = "--public-key",
                paramLabel = "KEY",
                description = "The ledger's verifier key: <origin>+<key id hex>+<base64>.")
        String text;

        @Option(names = "--public-key-file", paramLabel = "FILE", description = "A file holding the verifier key.")
        Path file;
    }

    @Option(
            names = "--store",
            paramLabel = "DIR",
            defaultValue = "./watchdog-data",
            description = "The local store (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(
            names = "--group",
            paramLabel = "ID",
            defaultValue = "disclosure-ledger-watchdog",
            description = "Kafka consumer group (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--state", paramLabel = "CA", description = "Only disclosures by this custodian state.")
    List<String> states = new ArrayList<>();

    @Option(names = "--recipient", paramLabel = "ID", description = "Only disclosures to this recipient agency.")
    List<String> recipients = new ArrayList<>();

    @Option(names = "--purpose", paramLabel = "CODE", description = "Only disclosures for this purpose code.")
    List<String> purposes = new ArrayList<>();

    @Option(names = "--category", paramLabel = "NAME", description = "Only disclosures of this data category.")
    List<String> categories = new ArrayList<>();

    @Option(
            names = "--topic-prefix",
            paramLabel = "P",
            defaultValue = Topics.DEFAULT_PREFIX,
            description = "Topic name prefix (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(
            names = "--until-idle",
            paramLabel = "DURATION",
            converter = Durations.class,
            description = "Stop after no message arrived for this long (such as 10s), run the final checks, exit.")
    Duration untilIdle;

    @Option(
            names = "--gap-grace",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = Durations.class,
            description = "How long a gap may stay open before it is an alarm (default: ${DEFAULT-VALUE}).")
    Duration gapGrace;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = Durations.class,
            description = "How long to wait for the Kafka broker at start (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Override
    public Integer call() {
        Filter filter;
        Topics topics;
        try {
            filter = Filter.of(
                    states.stream().map(String::toUpperCase).toList(),
                    recipients.stream().map(String::toLowerCase).toList(),
                    purposes.stream().map(String::toUpperCase).toList(),
                    categories.stream().map(String::toUpperCase).toList());
            topics = Topics.withPrefix(topicPrefix);
        } catch (IllegalArgumentException e) {
            throw new WatchdogError(e.getMessage());
        }
        if (!HOST_PORT.matcher(bootstrapServer).matches()) {
            throw new WatchdogError("--bootstrap-server must be HOST:PORT (comma-separated for several), not '"
                    + bootstrapServer + "'");
        }
        NoteVerifier verifier = pinnedKey();
        LedgerClient ledger;
        try {
            ledger = new HttpLedgerClient(ledgerUrl);
        } catch (IllegalArgumentException e) {
            throw new WatchdogError(e.getMessage());
        }
        String servedKey;
        try {
            servedKey = ledger.publicKey();
        } catch (LedgerClient.Unavailable | LedgerClient.Refused e) {
            throw new WatchdogError("cannot use the ledger at " + ledgerUrl + ": " + e.getMessage());
        }
        CountDownLatch done = new CountDownLatch(1);
        try (WatchdogStore watchdogStore = WatchdogStore.open(store, true);
                KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            requirePinnedKey(watchdogStore, verifier);
            requireTopics(consumer, topics);
            watchdogStore.putMeta("pinned-key", verifier.verifierKey());
            watchdogStore.putMeta("filters", filter.describe());
            watchdogStore.commit();
            Clock clock = Clock.systemUTC();
            LedgerChecks checks = new LedgerChecks(watchdogStore, verifier, ledger, clock, gapGrace);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int keyAlarms = 0;
            if (!servedKey.equals(verifier.verifierKey())) {
                checks.raise(
                                AlarmKind.KEY_MISMATCH,
                                "the ledger at " + ledgerUrl + " serves public key " + servedKey + ", not the pinned "
                                        + verifier.verifierKey())
                        .forEach(a -> out.println(a.line()));
                watchdogStore.commit();
                keyAlarms = 1;
            }
            Follower follower = new Follower(
                    consumer,
                    topics,
                    new MessageReader(verifier.keyName()),
                    filter,
                    watchdogStore,
                    checks,
                    clock,
                    out,
                    err);
            Thread hook = new Thread(
                    () -> {
                        follower.stop();
                        try {
                            done.await(15, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "ledger-watchdog-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            Follower.Outcome outcome;
            try {
                outcome = follower.run(Optional.ofNullable(untilIdle));
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for this method to finish
                }
            }
            if (outcome.alarmsRaised() + keyAlarms > 0) {
                return WatchdogCommand.ALARM;
            }
            if (outcome.ledgerUnavailable().isPresent()) {
                err.println("error: " + outcome.ledgerUnavailable().get() + "; events are still pending");
                return WatchdogCommand.ERROR;
            }
            return 0;
        } finally {
            done.countDown();
        }
    }

    private NoteVerifier pinnedKey() {
        String key = pinnedKey.text;
        if (pinnedKey.file != null) {
            try {
                key = Files.readString(pinnedKey.file, StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                throw new WatchdogError("cannot read the public key file " + pinnedKey.file + ": " + e);
            }
        }
        try {
            return NoteVerifier.fromVerifierKey(key.strip());
        } catch (IllegalArgumentException e) {
            throw new WatchdogError("unreadable public key: " + e.getMessage()
                    + " (expected <origin>+<key id hex>+<base64>, as GET /api/v1/ledger/public-key serves it)");
        }
    }

    /** A store holds one ledger's history: checking another ledger's checkpoints against it would only alarm. */
    private void requirePinnedKey(WatchdogStore watchdogStore, NoteVerifier verifier) {
        Optional<String> pinned = watchdogStore.meta("pinned-key");
        if (pinned.isPresent() && !pinned.get().equals(verifier.verifierKey())) {
            throw new WatchdogError("the store in " + store + " follows the ledger with key " + pinned.get() + ", not "
                    + verifier.verifierKey() + "; give another --store");
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServer);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ledger-watchdog");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try {
            return new KafkaConsumer<>(config);
        } catch (KafkaException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new WatchdogError(
                    "cannot use the Kafka bootstrap server " + bootstrapServer + ": " + cause.getMessage());
        }
    }

    private void requireTopics(KafkaConsumer<byte[], byte[]> consumer, Topics topics) {
        Map<String, List<PartitionInfo>> existing;
        try {
            existing = consumer.listTopics(connectTimeout);
        } catch (TimeoutException e) {
            throw new WatchdogError("cannot reach a Kafka broker at " + bootstrapServer + " within "
                    + connectTimeout.toSeconds() + " s");
        } catch (KafkaException e) {
            throw new WatchdogError("cannot use the Kafka broker at " + bootstrapServer + ": " + e.getMessage());
        }
        List<String> missing =
                topics.all().stream().filter(t -> !existing.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new WatchdogError((missing.size() == 1 ? "topic " : "topics ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " does" : " do") + " not exist on the Kafka broker at " + bootstrapServer
                    + " (is --topic-prefix right?)");
        }
    }
}
