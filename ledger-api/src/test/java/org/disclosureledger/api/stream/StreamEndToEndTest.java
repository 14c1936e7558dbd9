package org.disclosureledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.projections.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The stream from end to end: disclosures recorded through the HTTP API reach a state auditor's watchdog through the
 * real Kafka broker, each exactly once, in order per disclosure, and every one proved included under a checkpoint the
 * watchdog verified with the key the ledger publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamEndToEndTest {

    private static final String TOPIC_PREFIX = "e2e-" + UUID.randomUUID();
    private static final int DISCLOSURES = 1_000;
    private static final int WITH_FOLLOW_ONS = 100;

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
        StreamTestSupport.topics(registry, TOPIC_PREFIX);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path store;

    @Test
    void givenAThousandDisclosuresRecordedThroughTheApi_whenTheWatchdogFollows_thenEachArrivesOnceInOrderAndVerified()
            throws Exception {
        LedgerClient client = LedgerClient.recorder(port);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DISCLOSURES; i++) {
            ids.add(String.format("e2e-%04d", i));
        }
        StreamTestSupport.recordAll(client, ids, 4);
        for (String id : ids.subList(0, WITH_FOLLOW_ONS)) {
            StreamTestSupport.recordFollowOns(client, id);
        }
        int events = DISCLOSURES + 2 * WITH_FOLLOW_ONS;
        StreamTestSupport.awaitCheckpointCovering(client, events);

        Watchdog watchdog = new Watchdog(SharedKafka.bootstrapServers(), TOPIC_PREFIX, port, store);
        List<Watchdog.Run> runs = StreamTestSupport.followUntilReceived(watchdog, Watchdog.newGroup(), events);

        List<String[]> lines =
                runs.stream().flatMap(run -> run.disclosureLines().stream()).toList();
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.alerts()).isEmpty();
            assertThat(run.exitCode()).as(run.err()).isZero();
        });
        assertThat(lines).hasSize(events);
        Map<String, List<String>> kinds = StreamTestSupport.kindsByDisclosure(lines);
        assertThat(kinds.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            if (ids.indexOf(id) < WITH_FOLLOW_ONS) {
                assertThat(kinds.get(id)).as(id).containsExactly("recorded", "corrected", "destruction-requested");
            } else {
                assertThat(kinds.get(id)).as(id).containsExactly("recorded");
            }
        }
        assertThat(watchdog.summary())
                .contains("events received: " + events + " (verified " + events + ", pending 0")
                .contains("alerts: 0 raised");

        Watchdog.Run again = watchdog.followUntilIdle(Watchdog.newGroup());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.disclosureLines())
                .as("a new consumer group reads the whole topic again; the store reports nothing twice")
                .isEmpty();
        assertThat(again.alerts()).isEmpty();
    }
}
