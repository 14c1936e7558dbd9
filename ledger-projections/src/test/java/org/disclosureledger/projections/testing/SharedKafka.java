package org.disclosureledger.projections.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.disclosureledger.embedded.kafka.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one real Kafka broker of a test JVM, and fresh topic names on it. Tests of every module use it the same way,
 * whichever broker runs underneath:
 *
 * <ul>
 *     <li>with a Docker engine available, a Testcontainers {@code apache/kafka:4.1.2} container;</li>
 *     <li>otherwise Apache Kafka 4.1.2's own broker started in this JVM by ledger-embedded's
 *         {@link EmbeddedKafkaBroker} (the project's build machine has no Docker engine, so this is the path taken
 *         there).</li>
 * </ul>
 * The system property {@code ledger.test.kafka} ({@code embedded} or {@code testcontainers}) forces a path. The broker
 * starts on first use, is shared by all tests of the JVM, logs once which path was taken (see {@link #engine()}), and
 * stops when the JVM exits, after the JVM's Spring application contexts ({@link StopAtExit}). Either way it is a
 * single node that never creates topics on its own.
 *
 * <p>From a Spring Boot test in any module (the module needs ledger-embedded and {@code testcontainers-kafka} on its
 * test classpath, next to this module's test-jar):
 * <pre>{@code
 * @SpringBootTest
 * class SomethingTest {
 *     @DynamicPropertySource
 *     static void kafka(DynamicPropertyRegistry registry) {
 *         SharedKafka.register(registry);
 *     }
 * }
 * }</pre>
 * Each Spring context then talks to the shared broker through topics of its own, so tests of different classes never
 * see each other's messages.
 *
 * <p>A test that takes the broker away (an outage) must not do it to the shared one: {@link #dedicated()} gives it a
 * broker of its own that it may stop and start again. That broker is always an {@link EmbeddedKafkaBroker}, on the
 * Docker path too, because a restarted container comes back on another mapped port (and Testcontainers' stop removes
 * the container with its data), while the embedded broker comes back on the same port with the same data.
 */
public final class SharedKafka {

    /** Forces {@code embedded} or {@code testcontainers} instead of detecting a Docker engine. */
    public static final String ENGINE_PROPERTY = "ledger.test.kafka";

    private static final String IMAGE = "apache/kafka:4.1.2";
    private static final Logger log = LoggerFactory.getLogger(SharedKafka.class);
    private static final AtomicInteger topicSets = new AtomicInteger();

    private SharedKafka() {}

    /** Which path the shared broker took; starts it if it is not running yet. */
    public static TestEngine engine() {
        return Broker.INSTANCE.engine;
    }

    /** The shared broker's address for Kafka clients ({@code host:port}); starts it if it is not running yet. */
    public static String bootstrapServers() {
        return Broker.INSTANCE.bootstrapServers;
    }

    /** New topic names, unique in this JVM; the topics themselves are not created (the application creates them). */
    public static TestTopics freshTopics() {
        int n = topicSets.incrementAndGet();
        return new TestTopics(
                "disclosure-ledger.disclosures." + n,
                "disclosure-ledger.checkpoints." + n,
                "disclosure-ledger.alerts." + n);
    }

    /**
     * Points {@code spring.kafka.bootstrap-servers} at the shared broker and {@code ledger.stream.topics.*} at fresh
     * topic names; returns the names.
     */
    public static TestTopics register(DynamicPropertyRegistry registry) {
        StopAtExit.contextsUseTheServices();
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
        TestTopics topics = freshTopics();
        topics.registerIn(registry);
        return topics;
    }

    /**
     * Points {@code spring.kafka.bootstrap-servers} at a {@link #dedicated()} broker and {@code ledger.stream.topics.*}
     * at fresh topic names; returns the names.
     */
    public static TestTopics register(DynamicPropertyRegistry registry, EmbeddedKafkaBroker broker) {
        StopAtExit.contextsUseTheServices();
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        TestTopics topics = freshTopics();
        topics.registerIn(registry);
        return topics;
    }

    /**
     * A started broker of the caller's own, on free ports with a temporary data directory, that the caller may
     * {@link EmbeddedKafkaBroker#stop() stop} and {@link EmbeddedKafkaBroker#start() start} again (same port, same
     * messages) and must {@link EmbeddedKafkaBroker#close() close}. Always the embedded broker; see the class comment.
     */
    public static EmbeddedKafkaBroker dedicated() {
        return EmbeddedKafkaBroker.builder().build().start();
    }

    /** The running broker; the holder idiom starts it once, on first use, thread-safely. */
    private static final class Broker {

        private static final Broker INSTANCE = start();

        private final TestEngine engine;
        private final String bootstrapServers;

        private Broker(TestEngine engine, String bootstrapServers) {
            this.engine = engine;
            this.bootstrapServers = bootstrapServers;
        }

        private static Broker start() {
            TestEngine engine = TestEngine.choose(ENGINE_PROPERTY);
            long started = System.nanoTime();
            Broker broker = engine == TestEngine.TESTCONTAINERS ? startContainer() : startEmbedded();
            log.info(
                    "Shared test Kafka: {} at {} (started in {} ms)",
                    engine == TestEngine.TESTCONTAINERS
                            ? "Testcontainers " + IMAGE + " (a Docker engine is available)"
                            : "embedded Apache Kafka broker (no Docker engine, or " + ENGINE_PROPERTY + "=embedded)",
                    broker.bootstrapServers,
                    (System.nanoTime() - started) / 1_000_000);
            return broker;
        }

        @SuppressWarnings("resource")
        private static Broker startContainer() {
            // The same rule as the embedded broker: the application creates its topics itself.
            KafkaContainer container = new KafkaContainer(IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            container.start();
            StopAtExit.register("shared-kafka-stop", container::stop);
            return new Broker(TestEngine.TESTCONTAINERS, container.getBootstrapServers());
        }

        private static Broker startEmbedded() {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
            StopAtExit.register("shared-kafka-stop", broker::close);
            return new Broker(TestEngine.EMBEDDED, broker.bootstrapServers());
        }
    }
}
