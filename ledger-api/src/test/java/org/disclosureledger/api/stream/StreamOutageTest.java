package org.disclosureledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.embedded.kafka.EmbeddedKafkaBroker;
import org.disclosureledger.projections.testing.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker goes away for more than 20 seconds in the middle of a run of recordings. The API keeps accepting
 * disclosures meanwhile; once the broker is back the publisher catches up, and the watchdog ends with every event,
 * none lost, none counted twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamOutageTest {

    private static final EmbeddedKafkaBroker BROKER = SharedKafka.dedicated();
    private static final String TOPIC_PREFIX = "outage-" + UUID.randomUUID();
    private static final Duration OUTAGE = Duration.ofSeconds(21);

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        StreamTestSupport.topics(registry, TOPIC_PREFIX);
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @TempDir
    Path store;

    @Test
    void givenTheBrokerStoppedForTwentySecondsMidRun_whenItReturns_thenTheWatchdogHasEveryEventOnce() throws Exception {
        LedgerClient client = LedgerClient.recorder(port);
        Recorder recorder = new Recorder(client);
        Thread recording = new Thread(recorder, "outage-recorder");
        recording.start();
        try {
            recorder.awaitRecorded(100);
            BROKER.stop();
            int beforeOutage = recorder.recorded();
            Instant back = Instant.now().plus(OUTAGE);
            while (Instant.now().isBefore(back)) {
                Thread.sleep(200);
            }
            int duringOutage = recorder.recorded() - beforeOutage;
            BROKER.start();
            recorder.awaitRecorded(recorder.recorded() + 100);
            recorder.stop();
            recording.join();

            assertThat(recorder.failures())
                    .as("the API answered every recording with 201")
                    .isEmpty();
            assertThat(duringOutage)
                    .as("disclosures recorded while the broker was away")
                    .isGreaterThan(50);
        } finally {
            recorder.stop();
        }
        assertThat(publishFailures())
                .as("the publisher reported its failed attempts")
                .isPositive();

        int events = recorder.recorded();
        StreamTestSupport.awaitCheckpointCovering(client, events);
        Watchdog watchdog = new Watchdog(BROKER.bootstrapServers(), TOPIC_PREFIX, port, store);
        List<Watchdog.Run> runs = StreamTestSupport.followUntilReceived(watchdog, Watchdog.newGroup(), events);

        assertThat(runs).allSatisfy(run -> {
            assertThat(run.alerts()).isEmpty();
            assertThat(run.exitCode()).as(run.err()).isZero();
        });
        Map<String, List<String>> kinds = StreamTestSupport.kindsByDisclosure(
                runs.stream().flatMap(run -> run.disclosureLines().stream()).toList());
        assertThat(kinds).hasSize(events);
        assertThat(kinds.keySet()).containsExactlyInAnyOrderElementsOf(recorder.ids());
        assertThat(kinds.values()).allSatisfy(k -> assertThat(k).containsExactly("recorded"));
        assertThat(watchdog.summary()).contains("events received: " + events + " (verified " + events + ", pending 0");
    }

    private double publishFailures() {
        return meters.find("ledger.stream.publish.failures").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** Records one disclosure after another, about 20 a second, until stopped; keeps what the API answered. */
    private static final class Recorder implements Runnable {

        private final LedgerClient client;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

        Recorder(LedgerClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            for (int i = 0; running.get(); i++) {
                String id = String.format("outage-%05d", i);
                LedgerClient.Response response =
                        client.postJson("/api/v1/disclosures", StreamTestSupport.disclosure(id));
                if (response.status() == 201) {
                    ids.add(id);
                } else {
                    failures.add(id + ": " + response.status() + " " + response.body());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void stop() {
            running.set(false);
        }

        int recorded() {
            return ids.size();
        }

        List<String> ids() {
            return List.copyOf(ids);
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        void awaitRecorded(int count) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (ids.size() < count) {
                if (Instant.now().isAfter(deadline) || !failures.isEmpty()) {
                    throw new AssertionError("recorded " + ids.size() + " of " + count + "; failures " + failures);
                }
                Thread.sleep(50);
            }
        }
    }
}
