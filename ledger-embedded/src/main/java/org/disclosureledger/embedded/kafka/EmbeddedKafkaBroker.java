package org.disclosureledger.embedded.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker (KRaft, one process acting as broker and controller) running inside this
 * JVM on 127.0.0.1, for the application's embedded default and for tests that need a broker they can stop and start.
 *
 * <p>The broker keeps its data in a directory of the caller's choosing, so that a stopped broker started again, on
 * the same ports, still has every message it acknowledged; without one it uses a temporary directory that
 * {@link #close()} deletes. Topics are never created automatically and every internal topic has one replica. Kafka's
 * broker logs through SLF4J under the logger names {@code kafka}, {@code org.apache.kafka} and
 * {@code state.change.logger}; the application's logging configuration quiets them.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(9092).dataDirectory(dir).build()) {
 *     broker.start();
 *     String bootstrap = broker.bootstrapServers(); // "127.0.0.1:9092"
 *     broker.stop();  // an outage: clients fail or wait
 *     broker.start(); // back, same port, same data
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String LOCK_FILE = "embedded-broker.lock";

    private final int requestedPort;
    private final int requestedControllerPort;
    private final Path requestedDataDirectory;
    private final Map<String, String> overrides;

    private Path dataDirectory;
    private boolean temporaryDataDirectory;
    private int port;
    private int controllerPort;
    private KafkaRaftServer server;
    private FileChannel lockFile;
    private FileLock lock;
    private boolean closed;

    private EmbeddedKafkaBroker(Builder builder) {
        this.requestedPort = builder.port;
        this.requestedControllerPort = builder.controllerPort;
        this.requestedDataDirectory = builder.dataDirectory;
        this.overrides = Map.copyOf(builder.overrides);
    }

    /** A builder for a broker on free ports with a temporary data directory, unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker and returns once it accepts clients. The first start picks the ports (when asked for free
     * ones) and formats the data directory if it is new; later starts reuse both.
     *
     * @throws IllegalStateException if a port is already in use, or the broker does not come up
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("the embedded Kafka broker was closed; build a new one");
        }
        if (server != null) {
            return this;
        }
        if (dataDirectory == null) {
            prepare();
        }
        requireFree(port, "broker");
        requireFree(controllerPort, "controller");
        lockDataDirectory();
        try {
            KafkaConfig config = new KafkaConfig(brokerProperties(), false);
            format(config);
            server = startServer(config);
        } finally {
            if (server == null) {
                unlockDataDirectory();
            }
        }
        log.debug("Embedded Kafka broker started on {} with its data in {}", bootstrapServers(), dataDirectory);
        return this;
    }

    /**
     * Shuts the broker down cleanly and waits until it has. {@link #start()} brings it back on the same ports with the
     * same data (nothing holds the ports meanwhile: another program could take them).
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        try {
            shutDown(stopping);
        } finally {
            unlockDataDirectory();
        }
        log.debug("Embedded Kafka broker on {} stopped", bootstrapServers());
    }

    /** Whether the broker is running (started and not stopped since). */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * The address clients connect to, {@code 127.0.0.1:PORT}.
     *
     * @throws IllegalStateException before the first start when free ports were asked for (they are not chosen yet)
     */
    public synchronized String bootstrapServers() {
        return HOST + ":" + port();
    }

    /** The clients' port; see {@link #bootstrapServers()}. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("the embedded Kafka broker has not picked its port yet; start it first");
        }
        return port;
    }

    /** The directory holding the broker's metadata and messages; known once the broker has started. */
    public synchronized Path dataDirectory() {
        if (dataDirectory == null) {
            throw new IllegalStateException("the embedded Kafka broker has no data directory yet; start it first");
        }
        return dataDirectory;
    }

    /** Stops the broker and deletes its data directory if it was a temporary one. The broker cannot start again. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (temporaryDataDirectory) {
            deleteRecursively(dataDirectory);
        }
    }

    private void prepare() {
        try {
            if (requestedDataDirectory == null) {
                dataDirectory = Files.createTempDirectory("embedded-kafka-");
                temporaryDataDirectory = true;
            } else {
                dataDirectory = Files.createDirectories(requestedDataDirectory.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the embedded Kafka broker's data directory", e);
        }
        port = requestedPort == 0 ? freePort() : requestedPort;
        controllerPort = requestedControllerPort == 0 ? freePort(port) : requestedControllerPort;
        if (port == controllerPort) {
            throw new IllegalArgumentException("the embedded Kafka broker needs two different ports; both are " + port
                    + " (broker and controller)");
        }
    }

    private Properties brokerProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        settings.put(
                "listeners",
                "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", dataDirectory.toString());
        // The application creates its topics explicitly, with the partitions and retention docs/stream.md names.
        settings.put("auto.create.topics.enable", "false");
        // One node: every topic, internal ones included, has one replica that is the whole in-sync set.
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("share.coordinator.state.topic.num.partitions", "1");
        // A consumer group of one need not wait for others to join.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Small by Kafka's standards (1 GiB segments, 128 MiB cleaner buffer, 8 threads), right for one machine.
        settings.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        settings.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        settings.put("log.cleaner.threads", "1");
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("num.recovery.threads.per.data.dir", "1");
        settings.put("num.replica.fetchers", "1");
        settings.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    /** Writes the node's identity and the cluster's bootstrap metadata, unless the directory already holds them. */
    private void format(KafkaConfig config) {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(dataDirectory.toString());
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not format the embedded Kafka broker's data directory " + dataDirectory + ": "
                            + e.getMessage(),
                    e);
        }
        log.debug(
                "Kafka storage format: {}",
                output.toString(StandardCharsets.UTF_8).trim());
    }

    private KafkaRaftServer startServer(KafkaConfig config) {
        KafkaRaftServer starting;
        try {
            starting = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the embedded Kafka broker could not read its data directory " + dataDirectory + ": "
                            + e.getMessage(),
                    e);
        }
        try {
            starting.startup();
        } catch (RuntimeException e) {
            shutDown(starting);
            throw new IllegalStateException(
                    "the embedded Kafka broker on " + bootstrapServers() + " did not start: " + e.getMessage(), e);
        }
        return starting;
    }

    /**
     * Kafka locks its log directories only once the broker half starts, after the controller half has already opened
     * the metadata log in the same directory; this lock keeps a second broker (in this JVM or another) out from the
     * beginning.
     */
    private void lockDataDirectory() {
        Path file = dataDirectory.resolve(LOCK_FILE);
        try {
            lockFile = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeLockFile();
            throw new UncheckedIOException("could not lock the embedded Kafka broker's data directory " + file, e);
        }
        if (lock == null) {
            closeLockFile();
            throw new IllegalStateException("cannot start the embedded Kafka broker: its data directory "
                    + dataDirectory + " is in use by another broker");
        }
    }

    private void unlockDataDirectory() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            log.warn("Could not release the lock on {}", dataDirectory.resolve(LOCK_FILE), e);
        } finally {
            lock = null;
            closeLockFile();
        }
    }

    private void closeLockFile() {
        try {
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException e) {
            log.warn("Could not close {}", dataDirectory.resolve(LOCK_FILE), e);
        } finally {
            lockFile = null;
        }
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Kafka's own error for a busy port comes after half a start; this one names the port and stops before. */
    private static void requireFree(int port, String role) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker: its " + role + " port " + HOST
                    + ":" + port + " is already in use (another broker or application?)");
        }
    }

    private static int freePort(int... taken) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                int candidate = socket.getLocalPort();
                if (Arrays.stream(taken).noneMatch(t -> t == candidate)) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not find a free port on " + HOST, e);
            }
        }
        throw new IllegalStateException("could not find a free port on " + HOST);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the embedded Kafka broker's temporary directory {}", directory, e);
        }
    }

    /** Ports, data directory and extra broker settings; everything has a default. */
    public static final class Builder {

        private int port;
        private int controllerPort;
        private Path dataDirectory;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {}

        /** The clients' port on 127.0.0.1; 0 (the default) picks a free one at the first start. */
        public Builder port(int port) {
            this.port = checkPort(port, "port");
            return this;
        }

        /** The controller's port on 127.0.0.1; 0 (the default) picks a free one at the first start. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort, "controllerPort");
            return this;
        }

        /** Where the broker keeps its data across restarts; created if missing. Default: a temporary directory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        /** Sets one of Kafka's broker settings (such as {@code log.retention.ms}), overriding this class's choice. */
        public Builder brokerProperty(String name, String value) {
            overrides.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The broker, not started yet. */
        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }

        private static int checkPort(int port, String name) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(name + " must be between 0 (any free port) and 65535, not " + port);
            }
            return port;
        }
    }
}
