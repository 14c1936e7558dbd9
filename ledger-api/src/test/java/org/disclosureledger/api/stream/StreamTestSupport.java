package org.disclosureledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.map;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Recording through the API and waiting for the ledger and the watchdog, for the stream's end-to-end tests. */
final class StreamTestSupport {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private StreamTestSupport() {}

    /** Names the application's topics {@code <prefix>.disclosures} etc., the names a watchdog derives from a prefix. */
    static void topics(DynamicPropertyRegistry registry, String prefix) {
        registry.add("ledger.stream.topics.disclosures", () -> prefix + ".disclosures");
        registry.add("ledger.stream.topics.checkpoints", () -> prefix + ".checkpoints");
        registry.add("ledger.stream.topics.alerts", () -> prefix + ".alerts");
    }

    /** A single disclosure of one made-up Californian enrollee per id. */
    static Map<String, Object> disclosure(String id) {
        return Examples.disclosure(id, id.toUpperCase().replace("-", "") + "X");
    }

    /** Records each id's disclosure through the API from {@code threads} clients; every answer must be 201. */
    static void recordAll(LedgerClient client, List<String> ids, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<LedgerClient.Response>> answers = new ArrayList<>();
            for (String id : ids) {
                answers.add(pool.submit(() -> client.postJson("/api/v1/disclosures", disclosure(id))));
            }
            for (Future<LedgerClient.Response> answer : answers) {
                LedgerClient.Response response = answer.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A correction of the purpose, then a destruction request: two follow-ons, in that order. */
    static void recordFollowOns(LedgerClient client, String id) {
        LedgerClient.Response corrected = client.postJson(
                "/api/v1/disclosures/" + id + "/corrections",
                map(
                        "correctionId",
                        "c1",
                        "reason",
                        "The purpose was misstated",
                        "corrections",
                        map("purpose", map("code", "OVERSIGHT", "text", "Program integrity review"))));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        LedgerClient.Response requested = client.postJson(
                "/api/v1/disclosures/" + id + "/destruction-requests",
                map(
                        "requestId",
                        "r1",
                        "requestedBy",
                        "Attorney General of California",
                        "authority",
                        "Order of 2025-08-12",
                        "dueBy",
                        "2025-09-30"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    }

    /** Waits until the ledger has signed a checkpoint of at least {@code entries} entries. */
    static void awaitCheckpointCovering(LedgerClient client, long entries) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        long size = 0;
        while (Instant.now().isBefore(deadline)) {
            LedgerClient.Response checkpoint = client.get("/api/v1/ledger/checkpoint");
            if (checkpoint.status() == 200) {
                size = Long.parseLong(
                        checkpoint.body().lines().skip(1).findFirst().orElseThrow());
                if (size >= entries) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no checkpoint covered " + entries + " entries within " + PATIENCE + "; last " + size);
    }

    /**
     * Runs {@code follow --until-idle} as one consumer group until the runs together printed {@code expected}
     * disclosure lines (the publisher may still be catching up when a run goes idle), or patience runs out.
     */
    static List<Watchdog.Run> followUntilReceived(Watchdog watchdog, String group, int expected) {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<Watchdog.Run> runs = new ArrayList<>();
        int received = 0;
        while (received < expected && Instant.now().isBefore(deadline)) {
            Watchdog.Run run = watchdog.followUntilIdle(group);
            runs.add(run);
            received += run.disclosureLines().size();
        }
        return runs;
    }

    /** Each disclosure's kinds, in the order their lines were printed across runs. */
    static Map<String, List<String>> kindsByDisclosure(List<String[]> lines) {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (String[] t : lines) {
            kinds.computeIfAbsent(t[6], id -> new ArrayList<>()).add(t[5]);
        }
        return kinds;
    }
}
